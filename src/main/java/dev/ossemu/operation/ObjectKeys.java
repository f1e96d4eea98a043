package dev.ossemu.operation;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import java.nio.charset.StandardCharsets;

/** OSS's object name rules: 1 to 1023 bytes of UTF-8, not starting with / or \, no CR or LF. */
final class ObjectKeys {
  static final int MAX_KEY_BYTES = 1023;

  private ObjectKeys() {}

  static void check(String key) {
    int bytes = key.getBytes(StandardCharsets.UTF_8).length;
    if (bytes == 0
        || bytes > MAX_KEY_BYTES
        || key.startsWith("/")
        || key.startsWith("\\")
        || key.indexOf('\r') >= 0
        || key.indexOf('\n') >= 0) {
      throw OssException.of(OssErrorCode.INVALID_OBJECT_NAME).extra("ObjectName", key).build();
    }
  }
}
