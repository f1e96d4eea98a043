package dev.ossemu.persist;

import java.nio.file.Path;

/** A data directory the emulator cannot start with; the message names the file and problem. */
public final class DataDirectoryException extends Exception {
  private static final long serialVersionUID = 1L;

  public DataDirectoryException(Path file, String problem) {
    super(file + ": " + problem);
  }
}
