package dev.ossemu.auth;

import dev.ossemu.request.PercentCodec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Header values are signed as the bytes that were sent (issue 14 item 9). The HTTP decoder hands a
 * value over one char per byte (ISO-8859-1), while a StringToSign is text hashed as UTF-8. So a
 * value is decoded here as UTF-8 before it joins the text, and any byte that is not part of valid
 * UTF-8 (a GBK value, say) becomes the lone surrogate U+DC80–U+DCFF, as Python's {@code
 * surrogateescape} does; {@link #encode} turns such a surrogate back into its byte. The round trip
 * is exact for every byte sequence: UTF-8 and GBK metadata both verify, V1 and V4 alike.
 */
final class HeaderBytes {
  private static final int ESCAPE = 0xDC00;

  private HeaderBytes() {}

  /** The value as text; ASCII (nearly every header) is returned as it is, without copying. */
  static String decode(String wire) {
    int i = 0;
    while (i < wire.length() && wire.charAt(i) < 0x80) {
      i++;
    }
    if (i == wire.length()) {
      return wire;
    }
    byte[] bytes = new byte[wire.length()];
    for (int j = 0; j < bytes.length; j++) {
      char c = wire.charAt(j);
      if (c > 0xFF) {
        return wire; // already text (built in Java, not read off the wire)
      }
      bytes[j] = (byte) c;
    }
    return PercentCodec.utf8(bytes);
  }

  /** UTF-8, but each escaped byte of {@link #decode} as that byte. */
  static byte[] encode(String text) {
    boolean escaped = false;
    for (int i = 0; i < text.length() && !escaped; i++) {
      escaped = isEscape(text.charAt(i));
    }
    if (!escaped) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean paired = i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
      if (isEscape(c) && !paired) {
        out.writeBytes(text.substring(start, i).getBytes(StandardCharsets.UTF_8));
        out.write(c & 0xFF);
        start = i + 1;
      }
    }
    out.writeBytes(text.substring(start).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** The text with each escaped byte shown as U+FFFD, so that it can go into an XML answer. */
  static String printable(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isEscape(c) && !(i > 0 && Character.isHighSurrogate(text.charAt(i - 1)))) {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
        }
        out.append('\uFFFD');
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  private static boolean isEscape(char c) {
    return c >= 0xDC80 && c <= 0xDCFF;
  }
}
