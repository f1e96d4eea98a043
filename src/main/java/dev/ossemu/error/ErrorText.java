package dev.ossemu.error;

import java.nio.charset.StandardCharsets;

/**
 * Makes text echoed from a request (bucket names, keys, header and XML values) safe for an XML 1.0
 * error document. XML 1.0 cannot carry control characters other than tab, CR and LF, unpaired
 * surrogates, U+FFFE or U+FFFF at all, not even as numeric references ({@code &#x1;} is not
 * well-formed XML 1.0), so every SDK's parser would reject such a document. They are
 * percent-encoded instead ({@code %01}), the form a client already knows from URLs; everything else
 * is left as is and escaped as markup by the XML writer.
 */
public final class ErrorText {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private ErrorText() {}

  /** {@code text} with every character XML 1.0 cannot carry percent-encoded; null stays null. */
  public static String xml10(String text) {
    if (text == null || isXml10(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (allowed(c)) {
        out.append(c);
      } else {
        percentEncode(c, out);
      }
    }
    return out.toString();
  }

  /** Whether XML 1.0 can carry every character of {@code text}. */
  public static boolean isXml10(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (!allowed(c)) {
        return false;
      }
    }
    return true;
  }

  /** XML 1.0 §2.2 Char, for one UTF-16 unit that is not part of a surrogate pair. */
  private static boolean allowed(char c) {
    if (c < 0x20) {
      return c == '\t' || c == '\n' || c == '\r';
    }
    return !Character.isSurrogate(c) && c != 0xFFFE && c != 0xFFFF;
  }

  /**
   * The UTF-8 bytes of {@code c}; a lone surrogate has none, so its three-byte form (as WTF-8
   * writes it) stands in, which still tells the user which unit it was.
   */
  private static void percentEncode(char c, StringBuilder out) {
    byte[] bytes;
    if (Character.isSurrogate(c)) {
      bytes =
          new byte[] {
            (byte) (0xE0 | (c >> 12)), (byte) (0x80 | ((c >> 6) & 0x3F)), (byte) (0x80 | (c & 0x3F))
          };
    } else {
      bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
    }
    for (byte b : bytes) {
      out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }
  }
}
