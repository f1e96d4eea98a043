package dev.ossemu.persist;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** What a failed write into the data directory answers (DataDirectory, Bodies, BodyPlacement). */
final class WriteFailure {
  private WriteFailure() {}

  /** What a failed write of {@code target} answers: 507 when the disk is full. */
  static RuntimeException of(Path target, IOException e) {
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
}
