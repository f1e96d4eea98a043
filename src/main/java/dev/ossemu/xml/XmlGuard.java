package dev.ossemu.xml;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What a request document goes through before Jackson maps it: the leading whitespace OSS allows is
 * dropped, and the guard scan refuses a DOCTYPE, an entity reference, trailing garbage and (for a
 * singular document) attributes and repeated elements.
 */
final class XmlGuard {
  private XmlGuard() {}

  /** OSS accepts whitespace before the declaration, which XML itself does not allow there. */
  static byte[] withoutLeadingWhitespace(byte[] body) {
    int start = leadingWhitespace(body);
    return start == 0 ? body : java.util.Arrays.copyOfRange(body, start, body.length);
  }

  /** How many bytes of XML whitespace the body starts with. */
  static int leadingWhitespace(byte[] body) {
    int start = 0;
    while (start < body.length && isXmlSpace(body[start])) {
      start++;
    }
    return start;
  }

  /** The four whitespace bytes of XML 1.0 (§2.3 S). */
  static boolean isXmlSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n';
  }

  /**
   * Scans the whole document with the hardened StAX reader and returns its root element name, so
   * that trailing garbage and DOCTYPEs are caught before Jackson maps anything.
   */
  static String rootElementOf(byte[] body, boolean singular) {
    XMLStreamReader reader = null;
    try {
      reader = XmlMappers.Input.INPUT.createXMLStreamReader(new ByteArrayInputStream(body));
      String root = null;
      // The names already seen under each open element, for a singular document.
      Deque<Set<String>> siblings = new ArrayDeque<>();
      siblings.push(new HashSet<>());
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
          return null;
        }
        if (event == XMLStreamConstants.START_ELEMENT) {
          if (root == null) {
            root = reader.getLocalName();
          }
          if (singular
              && (reader.getAttributeCount() > 0 || !siblings.peek().add(reader.getLocalName()))) {
            return null;
          }
          siblings.push(new HashSet<>());
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          siblings.pop();
        }
      }
      return root;
    } catch (XMLStreamException | RuntimeException e) {
      return null;
    } finally {
      close(reader);
    }
  }

  static void close(XMLStreamReader reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (XMLStreamException ignored) {
        // Closing a reader over a byte array releases nothing that matters.
      }
    }
  }
}
