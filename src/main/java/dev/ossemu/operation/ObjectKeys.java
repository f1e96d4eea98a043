package dev.ossemu.operation;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import java.nio.charset.StandardCharsets;

/**
 * OSS's object name rules: 1 to 1023 bytes of UTF-8, not starting with / or \. Any other character
 * is allowed, control characters and CR/LF included (the Go SDK's suite stores {@code
 * "\x01…\x1F"}); result documents write those as character references.
 */
final class ObjectKeys {
  static final int MAX_KEY_BYTES = 1023;

  private ObjectKeys() {}

  static void check(String key) {
    int bytes = key.getBytes(StandardCharsets.UTF_8).length;
    if (bytes == 0 || bytes > MAX_KEY_BYTES || key.startsWith("/") || key.startsWith("\\")) {
      throw OssException.of(OssErrorCode.INVALID_OBJECT_NAME).extra("ObjectName", key).build();
    }
  }
}
