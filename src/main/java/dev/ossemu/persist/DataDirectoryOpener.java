package dev.ossemu.persist;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening a data directory: its format marker checked (or written into a new one), its lock taken,
 * and what interrupted writes left removed. {@link DataDirectory#open(Path)} is the entry point.
 */
final class DataDirectoryOpener {
  /** Logs as the data directory does: what a user configures and a test captures. */
  private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);

  private DataDirectoryOpener() {}

  /** {@link DataDirectory#open(Path, DataDirectory.Syncer, DataDirectory.Linker)}. */
  static DataDirectory open(Path root, DataDirectory.Syncer syncer, DataDirectory.Linker linker)
      throws DataDirectoryException {
    try {
      Files.createDirectories(root);
      Path format = root.resolve("FORMAT");
      if (Files.exists(format)) {
        List<String> lines = Files.readAllLines(format, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(DataDirectory.FORMAT)) {
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
      DataDirectory directory = new DataDirectory(root, lock, syncer, linker);
      if (!Files.exists(format)) {
        directory.write(format, (DataDirectory.FORMAT + "\n").getBytes(StandardCharsets.UTF_8));
      }
      int leftovers = removeTemporaryFiles(directory);
      if (leftovers > 0) {
        LOG.info("removed {} temporary files left by interrupted writes in {}", leftovers, root);
      }
      return directory;
    } catch (AccessDeniedException e) {
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

  /**
   * Deletes the temporary files interrupted writes left anywhere in the data directory.
   *
   * @return how many there were
   */
  private static int removeTemporaryFiles(DataDirectory directory) throws IOException {
    List<Path> leftovers;
    try (Stream<Path> walk = Files.walk(directory.root())) {
      leftovers =
          walk.filter(p -> p.getFileName().toString().endsWith(DataDirectory.TEMPORARY))
              .filter(Files::isRegularFile)
              .toList();
    }
    for (Path leftover : leftovers) {
      directory.delete(leftover);
    }
    return leftovers.size();
  }

  private static boolean hasForeignFiles(Path root) throws IOException {
    try (var entries = Files.list(root)) {
      return entries.anyMatch(p -> !p.getFileName().toString().equals(".lock"));
    }
  }
}
