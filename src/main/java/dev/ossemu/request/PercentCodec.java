package dev.ossemu.request;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Percent-encoding as OSS uses it in paths, queries and V4 canonical requests. */
public final class PercentCodec {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentCodec() {}

  /**
   * Percent-decodes as UTF-8. In a query a {@code +} is a space, as form encoding and every SDK's
   * encoder agree (they send a literal plus as {@code %2B}); in a path it is a plus. Malformed
   * escapes stay literal rather than being rejected, so such a request still reaches the signature
   * check and fails there with a useful StringToSign.
   *
   * <p>Bytes that are not valid UTF-8 never become U+FFFD (that would make {@code k%FF} and {@code
   * k%FE} the same key): each becomes the lone surrogate U+DC80–U+DCFF, which no valid UTF-8
   * decodes to, so {@link #isWellFormed} tells such a name apart and the caller refuses it with the
   * error its place calls for (InvalidObjectName, InvalidBucketName, InvalidArgument).
   */
  public static String decode(String raw, boolean plusIsSpace) {
    if (raw.indexOf('%') < 0 && (!plusIsSpace || raw.indexOf('+') < 0)) {
      return raw;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c == '+' && plusIsSpace) {
        out.write(' ');
        i++;
      } else if (c == '%' && isHex(raw, i + 1) && isHex(raw, i + 2)) {
        out.write(hexValue(raw.charAt(i + 1)) * 16 + hexValue(raw.charAt(i + 2)));
        i += 3;
      } else {
        int end = i + Character.charCount(raw.codePointAt(i));
        byte[] bytes = raw.substring(i, end).getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
        i = end;
      }
    }
    return utf8(out.toByteArray());
  }

  /**
   * Decodes UTF-8 strictly, turning each byte of a malformed sequence into the lone surrogate
   * U+DC80–U+DCFF (Python's {@code surrogateescape}): exact for every byte sequence.
   */
  public static String utf8(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isUnderflow()) {
        decoder.flush(out);
        return out.flip().toString();
      }
      for (int n = 0; n < result.length(); n++) {
        out.put((char) (0xDC00 | (in.get() & 0xff)));
      }
    }
  }

  /** Whether a decoded string came from valid UTF-8 (it holds no lone surrogate). */
  public static boolean isWellFormed(String decoded) {
    for (int i = 0; i < decoded.length(); ) {
      int codePoint = decoded.codePointAt(i);
      if (Character.getType(codePoint) == Character.SURROGATE) {
        return false;
      }
      i += Character.charCount(codePoint);
    }
    return true;
  }

  /**
   * A decoded string fit for an error document: the bytes that were not UTF-8 escaped again as
   * {@code %XX}, since XML cannot carry a lone surrogate.
   */
  public static String printable(String decoded) {
    if (isWellFormed(decoded)) {
      return decoded;
    }
    StringBuilder out = new StringBuilder(decoded.length() + 8);
    for (int i = 0; i < decoded.length(); ) {
      int codePoint = decoded.codePointAt(i);
      if (Character.getType(codePoint) == Character.SURROGATE) {
        out.append('%').append(HEX[(codePoint >> 4) & 0xf]).append(HEX[codePoint & 0xf]);
      } else {
        out.appendCodePoint(codePoint);
      }
      i += Character.charCount(codePoint);
    }
    return out.toString();
  }

  /**
   * Encodes UTF-8 bytes keeping only {@code A-Z a-z 0-9 - _ . ~} (and {@code /} when asked), with
   * upper-case hex: the V4 canonical form (spec §10.3 steps 2 and 3).
   */
  public static String encode(String value, boolean keepSlash) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length + 16);
    for (byte b : bytes) {
      int c = b & 0xff;
      if (isUnreserved(c) || (keepSlash && c == '/')) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '.'
        || c == '~';
  }

  /** ASCII hex digits only: {@code Character.digit} would also take other scripts' digits. */
  private static boolean isHex(String s, int index) {
    return index < s.length() && hexValue(s.charAt(index)) >= 0;
  }

  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
