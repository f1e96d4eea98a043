package dev.ossemu.xml;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Hand-written output for the flat documents of the hot paths ({@code <Error>}, the encryption
 * rule), byte for byte what the Jackson/Woodstox writer produces for them: {@code <} and {@code &}
 * escaped, {@code >} only after {@code ]]}, CR as {@code &#xd;}, a null value left out. A value
 * with another control character or a lone surrogate is left to Jackson ({@link #escape} says
 * false), so the rare odd case keeps exactly the mapper's behaviour.
 */
final class XmlText {
  private XmlText() {}

  /** Appends {@code <name>value</name>}; false (and nothing usable) when Jackson must write it. */
  static boolean element(StringBuilder out, String name, String value) {
    if (value == null) {
      return true;
    }
    out.append('<').append(name).append('>');
    if (!escape(out, value)) {
      return false;
    }
    out.append("</").append(name).append('>');
    return true;
  }

  /** The whole flat document with the OSS declaration, or null when Jackson must write it. */
  static byte[] flat(String root, Map<String, String> elements) {
    StringBuilder out = new StringBuilder(256).append(XmlCodec.DECLARATION_TEXT);
    out.append('<').append(root).append('>');
    for (Map.Entry<String, String> element : elements.entrySet()) {
      if (!element(out, element.getKey(), element.getValue())) {
        return null;
      }
    }
    out.append("</").append(root).append('>');
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static boolean escape(StringBuilder out, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '<') {
        out.append("&lt;");
      } else if (c == '&') {
        out.append("&amp;");
      } else if (c == '>' && i >= 2 && value.charAt(i - 1) == ']' && value.charAt(i - 2) == ']') {
        out.append("&gt;");
      } else if (c == '\r') {
        out.append("&#xd;");
      } else if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        out.append(c).append(value.charAt(++i));
      } else if (c < 0x20 && c != '\n' && c != '\t' || Character.isSurrogate(c) || c >= 0xfffe) {
        return false;
      } else {
        out.append(c);
      }
    }
    return true;
  }
}
