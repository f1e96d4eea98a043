package dev.ossemu.persist;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
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
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

  private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);

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
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Syncer syncer;
  private final Linker linker;

  private DataDirectory(
      Path root, FileChannel lockChannel, FileLock lock, Syncer syncer, Linker linker) {
    this.root = root;
    this.lockChannel = lockChannel;
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
    try {
      Files.createDirectories(root);
      Path format = root.resolve("FORMAT");
      if (Files.exists(format)) {
        List<String> lines = Files.readAllLines(format, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(FORMAT)) {
          throw new DataDirectoryException(
              format, "unknown data format " + (lines.isEmpty() ? "(empty)" : lines.get(0)));
        }
      } else if (hasForeignFiles(root)) {
        throw new DataDirectoryException(root, "not an oss-emulator data directory (no FORMAT)");
      }
      FileChannel channel =
          FileChannel.open(
              root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new DataDirectoryException(root, "in use by another emulator");
      }
      DataDirectory directory = new DataDirectory(root, channel, lock, syncer, linker);
      if (!Files.exists(format)) {
        directory.write(format, (FORMAT + "\n").getBytes(StandardCharsets.UTF_8));
      }
      int leftovers = directory.removeTemporaryFiles();
      if (leftovers > 0) {
        LOG.info("removed {} temporary files left by interrupted writes in {}", leftovers, root);
      }
      return directory;
    } catch (java.nio.file.AccessDeniedException e) {
      // Typical in a container: a bind-mounted folder owned by root, the process is not.
      String user = currentUser();
      throw new DataDirectoryException(
          root, "not writable by " + user + " (chown it to that user, or use a named volume)");
    } catch (IOException e) {
      throw new DataDirectoryException(root, e.toString());
    }
  }

  /** {@code uid 10001} where the platform tells (Linux: the owner of /proc/self), else the name. */
  static String currentUser() {
    try {
      return "uid " + Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "user " + System.getProperty("user.name");
    }
  }

  private static boolean hasForeignFiles(Path root) throws IOException {
    try (var entries = Files.list(root)) {
      return entries.anyMatch(p -> !p.getFileName().toString().equals(".lock"));
    }
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
      throw writeFailure(target, e);
    }
  }

  /** What a failed write of {@code target} answers: 507 when the disk is full. */
  static RuntimeException writeFailure(Path target, IOException e) {
    if (isDiskFull(e)) {
      // The bound the client can act on, as for --max-storage: nothing was written.
      return OssException.of(OssErrorCode.INSUFFICIENT_STORAGE)
          .message("The emulator's data directory is out of disk space.")
          .build();
    }
    return new UncheckedIOException("cannot write " + target, e);
  }

  /** ENOSPC or EDQUOT, which Java reports only in the exception's message. */
  private static boolean isDiskFull(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
        return true;
      }
    }
    return false;
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
   * Deletes the temporary files interrupted writes left anywhere in the data directory.
   *
   * @return how many there were
   */
  int removeTemporaryFiles() throws IOException {
    List<Path> leftovers;
    try (Stream<Path> walk = Files.walk(root)) {
      leftovers =
          walk.filter(p -> p.getFileName().toString().endsWith(TEMPORARY))
              .filter(Files::isRegularFile)
              .toList();
    }
    for (Path leftover : leftovers) {
      delete(leftover);
    }
    return leftovers.size();
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

  /** A checksummed document: {@code <crc32c hex>\n<json>}, so damage is noticed on reading. */
  static byte[] sealed(byte[] json) {
    CRC32C crc = new CRC32C();
    crc.update(json);
    byte[] header = (String.format("%08x", crc.getValue()) + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[header.length + json.length];
    System.arraycopy(header, 0, out, 0, header.length);
    System.arraycopy(json, 0, out, header.length, json.length);
    return out;
  }

  /**
   * The JSON of a sealed document.
   *
   * @throws DataDirectoryException when it is truncated or its checksum does not match
   */
  static byte[] unseal(Path file) throws DataDirectoryException {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new DataDirectoryException(file, "cannot read: " + e);
    }
    if (content.length < 9 || content[8] != '\n') {
      throw new DataDirectoryException(file, "truncated or not an emulator file");
    }
    byte[] json = new byte[content.length - 9];
    System.arraycopy(content, 9, json, 0, json.length);
    CRC32C crc = new CRC32C();
    crc.update(json);
    String expected = new String(content, 0, 8, StandardCharsets.UTF_8);
    if (!expected.equals(String.format("%08x", crc.getValue()))) {
      throw new DataDirectoryException(file, "bad checksum (damaged or truncated)");
    }
    return json;
  }

  @Override
  public void close() {
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the data directory lock", e);
    }
  }
}
