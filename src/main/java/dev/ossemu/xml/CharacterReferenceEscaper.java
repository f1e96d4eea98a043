package dev.ossemu.xml;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.codehaus.stax2.io.EscapingWriterFactory;

/**
 * Escapes the text of result documents as OSS does: {@code & < >} as entities and every character
 * XML 1.0 cannot carry literally (controls, also TAB, CR and LF so that they survive a parser's
 * line-end normalisation, and U+FFFE/U+FFFF) as a numeric character reference such as {@code
 * &#x0C;}. Object keys may contain any of them; without this Woodstox refuses to write the document
 * and every listing naming such a key fails. The form is the Go SDK's {@code EscapeXml}.
 */
final class CharacterReferenceEscaper implements EscapingWriterFactory {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  @Override
  public Writer createEscapingWriterFor(Writer out, String encoding) {
    return new Escaping(out);
  }

  @Override
  public Writer createEscapingWriterFor(OutputStream out, String encoding) {
    return new Escaping(new OutputStreamWriter(out, StandardCharsets.UTF_8));
  }

  /**
   * A request document with each raw control character (other than TAB, LF and CR, which XML 1.0
   * allows) replaced by its character reference. OSS reads them in keys: ali-oss escapes only
   * {@code & < > " '} and sends {@code <Key>…\x01…</Key>} raw in DeleteMultipleObjects, which its
   * suite, run against OSS, expects to work. Below 0x20 a UTF-8 byte is always a character of its
   * own, so bytes can be replaced one by one; NUL stays invalid and fails the parse.
   */
  static byte[] referenceControlBytes(byte[] body) {
    int controls = 0;
    for (byte b : body) {
      if (isReferencedControl(b)) {
        controls++;
      }
    }
    if (controls == 0) {
      return body;
    }
    java.io.ByteArrayOutputStream out =
        new java.io.ByteArrayOutputStream(body.length + 5 * controls);
    for (byte b : body) {
      if (isReferencedControl(b)) {
        out.writeBytes(escape((char) b).getBytes(StandardCharsets.US_ASCII));
      } else {
        out.write(b);
      }
    }
    return out.toByteArray();
  }

  private static boolean isReferencedControl(byte b) {
    return b > 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r';
  }

  /** The escaped form of one character, or null when it is written as is. */
  static String escape(char c) {
    switch (c) {
      case '&':
        return "&amp;";
      case '<':
        return "&lt;";
      case '>':
        return "&gt;";
      case '\t':
        return "&#x9;";
      case '\n':
        return "&#xA;";
      case '\r':
        return "&#xD;";
      default:
        if (c < 0x20) {
          return "&#x" + HEX[c >> 4] + HEX[c & 0xF] + ";";
        }
        return c == '\uFFFE' || c == '\uFFFF'
            ? "&#x" + Integer.toHexString(c).toUpperCase() + ";"
            : null;
    }
  }

  private static final class Escaping extends FilterWriter {
    Escaping(Writer out) {
      super(out);
    }

    @Override
    public void write(int c) throws IOException {
      String escaped = escape((char) c);
      if (escaped == null) {
        out.write(c);
      } else {
        out.write(escaped);
      }
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
      int start = offset;
      int end = offset + length;
      for (int i = offset; i < end; i++) {
        String escaped = escape(chars[i]);
        if (escaped != null) {
          out.write(chars, start, i - start);
          out.write(escaped);
          start = i + 1;
        }
      }
      out.write(chars, start, end - start);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
      write(text.toCharArray(), offset, length);
    }
  }
}
