package dev.ossemu.service;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import java.util.regex.Pattern;

/**
 * spec §4: 3–63 characters of {@code a-z 0-9 -}, starting and ending with a letter or digit. The
 * server is the authority: SDKs check differently (JAVA1 and NODE allow {@code _} outside create).
 * A name starting with {@code _} can therefore never collide with the emulator's own paths.
 */
public final class BucketNames {
  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");

  private BucketNames() {}

  /** Whether OSS accepts this bucket name. */
  public static boolean isValid(String bucket) {
    return VALID.matcher(bucket).matches();
  }

  static void check(String bucket) {
    if (!isValid(bucket)) {
      throw OssException.of(OssErrorCode.INVALID_BUCKET_NAME).extra("BucketName", bucket).build();
    }
  }
}
