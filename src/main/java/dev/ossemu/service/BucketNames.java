package dev.ossemu.service;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;

/**
 * spec §4: 3–63 characters of {@code a-z 0-9 -}, starting and ending with a letter or digit. The
 * server is the authority: SDKs check differently (JAVA1 and NODE allow {@code _} outside create).
 * A name starting with {@code _} can therefore never collide with the emulator's own paths.
 */
public final class BucketNames {
  private BucketNames() {}

  /**
   * Whether OSS accepts this bucket name: {@code [a-z0-9][a-z0-9-]{1,61}[a-z0-9]}, checked by hand
   * because it runs for every request (a regex matcher per request showed in the profile).
   */
  public static boolean isValid(String bucket) {
    int length = bucket.length();
    if (length < 3 || length > 63) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = bucket.charAt(i);
      boolean letterOrDigit = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
      if (!letterOrDigit && (c != '-' || i == 0 || i == length - 1)) {
        return false;
      }
    }
    return true;
  }

  static void check(String bucket) {
    if (!isValid(bucket)) {
      throw OssException.of(OssErrorCode.INVALID_BUCKET_NAME).extra("BucketName", bucket).build();
    }
  }
}
