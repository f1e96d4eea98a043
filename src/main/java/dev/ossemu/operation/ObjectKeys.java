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
    String ec = bytes == 0 ? EMPTY_EC : bytes > MAX_KEY_BYTES ? TOO_LONG_EC : null;
    if (ec == null && (key.startsWith("/") || key.startsWith("\\"))) {
      ec = OssErrorCode.INVALID_OBJECT_NAME.ec();
    }
    if (ec != null) {
      throw OssException.of(OssErrorCode.INVALID_OBJECT_NAME)
          .ec(ec)
          .extra("ObjectName", key)
          .build();
    }
  }

  /** DOC EC page 0016-00000001: the name is empty. */
  private static final String EMPTY_EC = "0016-00000001";

  /** DOC EC page 0016-00000003: the name is longer than 1023 bytes (a PutObject URL's example). */
  private static final String TOO_LONG_EC = "0016-00000003";
}
