package dev.ossemu.xml;

import dev.ossemu.error.OssException;
import dev.ossemu.xml.ServerSideEncryptionRule.ApplyServerSideEncryptionByDefault;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The three-field {@code ServerSideEncryptionRule} (spec §1, §2) read and written by hand: one StAX
 * pass instead of a guard scan plus a Jackson mapping (which together were a fifth of a
 * PutBucketEncryption), and a string join instead of a serializer. It reads exactly what the
 * Jackson mapping read: elements by local name, unknown ones skipped, a repeated one's last value,
 * text content only; and it keeps the same guards: no DTD, no entity, one root, well-formed to the
 * end.
 */
final class EncryptionRuleXml {
  private static final String ROOT = ServerSideEncryptionRule.ROOT;
  private static final String BY_DEFAULT = "ApplyServerSideEncryptionByDefault";

  private EncryptionRuleXml() {}

  /**
   * @param factory the hardened factory (no DTD support, no external entities)
   * @throws OssException MalformedXML for anything but a well-formed document rooted at the rule
   */
  static ServerSideEncryptionRule read(XMLInputFactory factory, byte[] body) {
    XMLStreamReader reader = null;
    try {
      reader = factory.createXMLStreamReader(new ByteArrayInputStream(body));
      int first;
      do {
        first = next(reader); // a comment, a processing instruction or space may come first
      } while (first != XMLStreamConstants.START_ELEMENT
          && first != XMLStreamConstants.END_DOCUMENT);
      if (first != XMLStreamConstants.START_ELEMENT || !ROOT.equals(reader.getLocalName())) {
        throw OssException.malformedXml();
      }
      ApplyServerSideEncryptionByDefault byDefault = null;
      while (next(reader) != XMLStreamConstants.END_ELEMENT) {
        if (reader.getEventType() == XMLStreamConstants.START_ELEMENT) {
          if (BY_DEFAULT.equals(reader.getLocalName())) {
            byDefault = readByDefault(reader);
          } else {
            skip(reader);
          }
        }
      }
      // Past the root only comments, processing instructions and space may follow.
      while (reader.hasNext()) {
        next(reader);
      }
      return new ServerSideEncryptionRule(byDefault);
    } catch (XMLStreamException | RuntimeException e) {
      if (e instanceof OssException oss) {
        throw oss;
      }
      throw OssException.malformedXml();
    } finally {
      close(reader);
    }
  }

  private static ApplyServerSideEncryptionByDefault readByDefault(XMLStreamReader reader)
      throws XMLStreamException {
    String algorithm = null;
    String keyId = null;
    String dataEncryption = null;
    while (next(reader) != XMLStreamConstants.END_ELEMENT) {
      if (reader.getEventType() != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      switch (reader.getLocalName()) {
        case "SSEAlgorithm" -> algorithm = text(reader);
        case "KMSMasterKeyID" -> keyId = text(reader);
        case "KMSDataEncryption" -> dataEncryption = text(reader);
        default -> skip(reader);
      }
    }
    return new ApplyServerSideEncryptionByDefault(algorithm, keyId, dataEncryption);
  }

  /** The element's text; an element inside it is malformed, as the mapping had it. */
  private static String text(XMLStreamReader reader) throws XMLStreamException {
    StringBuilder out = new StringBuilder();
    int event;
    while ((event = next(reader)) != XMLStreamConstants.END_ELEMENT) {
      if (event == XMLStreamConstants.START_ELEMENT) {
        throw OssException.malformedXml();
      }
      if (event == XMLStreamConstants.CHARACTERS
          || event == XMLStreamConstants.CDATA
          || event == XMLStreamConstants.SPACE) {
        out.append(reader.getText());
      }
    }
    return out.toString();
  }

  /** Skips the element the reader is on, children included. */
  private static void skip(XMLStreamReader reader) throws XMLStreamException {
    for (int depth = 1; depth > 0; ) {
      int event = next(reader);
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  /** The next event; a DTD or an entity reference ends the read as malformed. */
  private static int next(XMLStreamReader reader) throws XMLStreamException {
    int event = reader.next();
    if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
      throw OssException.malformedXml();
    }
    return event;
  }

  private static void close(XMLStreamReader reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (XMLStreamException ignored) {
        // Closing a reader over a byte array releases nothing that matters.
      }
    }
  }

  /**
   * The GetBucketEncryption body, in the element order and shape the mapping wrote; null when a
   * value needs the mapper's handling ({@link XmlText}).
   */
  static byte[] write(ServerSideEncryptionRule rule) {
    ApplyServerSideEncryptionByDefault byDefault = rule.applyServerSideEncryptionByDefault();
    if (!plain(byDefault.sseAlgorithm())
        || !plain(byDefault.kmsMasterKeyId())
        || !plain(byDefault.kmsDataEncryption())) {
      return null; // result documents escape such characters their own way: the mapper writes it
    }
    StringBuilder out = new StringBuilder(220).append(XmlCodec.DECLARATION_TEXT);
    out.append('<').append(ROOT).append("><").append(BY_DEFAULT).append('>');
    if (!XmlText.element(out, "SSEAlgorithm", byDefault.sseAlgorithm())
        || !XmlText.element(out, "KMSMasterKeyID", byDefault.kmsMasterKeyId())
        || !XmlText.element(out, "KMSDataEncryption", byDefault.kmsDataEncryption())) {
      return null;
    }
    out.append("</").append(BY_DEFAULT).append("></").append(ROOT).append('>');
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Printable ASCII without markup characters: written the same by every escaper. */
  private static boolean plain(String value) {
    if (value == null) {
      return true;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c >= 0x7f || c == '<' || c == '>' || c == '&') {
        return false;
      }
    }
    return true;
  }
}
