package dev.ossemu.persist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * The emulator's data directory: its format marker, its lock, and crash-safe file writes. A write
 * goes to a temporary file, is forced to disk, renamed over its target atomically, and the
 * directory is forced too; only then is the write acknowledged. A reader sees the old file or the
 * new one, never half of either.
 */
public final class DataDirectory implements AutoCloseable {
  /** The first line of {@code FORMAT}; another value is a directory this version cannot read. */
  static final String FORMAT = "oss-emulator-data 1";

  /** The suffix of a write's temporary file; nothing else in the directory ends so. */
  static final String TEMPORARY = ".tmp";

  /**
   * Forces a directory's entries to disk. A seam: tests record which directories a write forced,
   * since a missing directory fsync is invisible to every other test (only a power loss shows it).
   */
  interface Syncer {
    Syncer DISK =
        directory -> {
          try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
          }
        };

    void force(Path directory) throws IOException;
  }

  /**
   * Makes a hard link. A seam: tests stand in a file system without hard links (FAT, some network
   * and container volumes), where a completion must copy its parts instead (BodyPlacement).
   */
  interface Linker {
    Linker DISK = Files::createLink;

    void link(Path link, Path existing) throws IOException;
  }

  private final Path root;
  private final FileLock lock;
  private final Syncer syncer;
  private final Linker linker;

  /** Made by {@link DataDirectoryOpener}, once {@code root} is checked and locked. */
  DataDirectory(Path root, FileLock lock, Syncer syncer, Linker linker) {
    this.root = root;
    this.lock = lock;
    this.syncer = syncer;
    this.linker = linker;
  }

  /**
   * Opens (creating when absent) and locks a data directory.
   *
   * @throws DataDirectoryException when it is foreign, of another format, or in use
   */
  public static DataDirectory open(Path root) throws DataDirectoryException {
    return open(root, Syncer.DISK);
  }

  /** {@link #open(Path)} with the directory fsyncs going through {@code syncer}. */
  static DataDirectory open(Path root, Syncer syncer) throws DataDirectoryException {
    return open(root, syncer, Linker.DISK);
  }

  /** {@link #open(Path, Syncer)} with hard links made by {@code linker}. */
  static DataDirectory open(Path root, Syncer syncer, Linker linker) throws DataDirectoryException {
    return DataDirectoryOpener.open(root, syncer, linker);
  }

  public Path root() {
    return root;
  }

  /** Writes a whole file crash-safely (temporary file, fsync, atomic rename, directory fsync). */
  public void write(Path target, byte[] content) {
    write(target, List.of(ByteBuffer.wrap(content)));
  }

  /**
   * Writes a whole file from slices, crash-safely. The temporary file's name is unique to this
   * write, so two writers never share one; a failed write (disk full) deletes it. Every directory
   * the write had to create is forced in its parent, up to the data directory, before the write
   * returns: otherwise a power loss could forget the directory and with it the acknowledged file.
   */
  public void write(Path target, List<ByteBuffer> content) {
    try {
      Path directory = target.getParent();
      createDirectories(directory);
      Path temporary =
          directory.resolve(target.getFileName() + "." + UUID.randomUUID() + TEMPORARY);
      try {
        writeForced(temporary, content);
        Files.move(
            temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.deleteIfExists(temporary);
        throw new IOException("the data directory's file system cannot rename atomically", e);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(temporary);
        throw e;
      }
      forceDirectory(directory);
    } catch (IOException e) {
      throw WriteFailure.of(target, e);
    }
  }

  private static void writeForced(Path file, List<ByteBuffer> content) throws IOException {
    try (FileChannel out =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      for (ByteBuffer slice : content) {
        ByteBuffer view = slice.duplicate();
        while (view.hasRemaining()) {
          out.write(view);
        }
      }
      out.force(true);
    }
  }

  /**
   * Creates {@code directory} and any missing parents below the root, forcing each new one's parent
   * once it exists (SQLite's rule: a new directory entry is durable only once its parent directory
   * is synced).
   */
  void createDirectories(Path directory) throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    Deque<Path> missing = new ArrayDeque<>();
    for (Path p = directory; p != null && !Files.isDirectory(p); p = p.getParent()) {
      if (!p.startsWith(root)) {
        throw new IOException(p + " is outside the data directory");
      }
      missing.push(p);
    }
    for (Path created : missing) { // outermost first
      try {
        Files.createDirectory(created);
      } catch (FileAlreadyExistsException e) {
        // another writer made it meanwhile; it forces the parent too, and so do we below
      }
      forceDirectory(created.getParent());
    }
  }

  /**
   * Moves a file already forced to disk (a staged upload, a streamed copy) to {@code target}
   * atomically, and makes both directory entries durable.
   */
  public void install(Path written, Path target) {
    try {
      Path directory = target.getParent();
      createDirectories(directory);
      try {
        Files.move(written, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("the data directory's file system cannot rename atomically", e);
      }
      forceDirectory(directory);
      forceDirectory(written.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot install " + target, e);
    }
  }

  /**
   * A new, unique temporary file in {@code directory} (created if missing): its name ends as every
   * temporary file's, so a crash leaves nothing that start-up does not remove.
   */
  public Path temporaryFile(Path directory, String stem) {
    try {
      createDirectories(directory);
      return directory.resolve(stem + "." + UUID.randomUUID() + TEMPORARY);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + directory, e);
    }
  }

  /** Deletes a file and makes the deletion durable. */
  public void delete(Path target) {
    try {
      if (Files.deleteIfExists(target)) {
        forceDirectory(target.getParent());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + target, e);
    }
  }

  void forceDirectory(Path directory) throws IOException {
    syncer.force(directory);
  }

  /**
   * A second name for {@code existing}; throws when the file system has no hard links.
   *
   * @throws UnsupportedOperationException or IOException, as {@link Files#createLink} does
   */
  void link(Path link, Path existing) throws IOException {
    linker.link(link, existing);
  }

  @Override
  public void close() {
    try {
      lock.release();
      lock.channel().close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the data directory lock", e);
    }
  }
}
