package dev.ossemu.xml;

import dev.ossemu.error.OssException;
import dev.ossemu.xml.ServerSideEncryptionRule.ApplyServerSideEncryptionByDefault;
import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a PutBucketEncryption body (spec §1) in one StAX pass, exactly as strictly and as leniently
 * as {@link XmlCodec#readSingular} followed by the Jackson mapping did (a guard scan plus a mapping
 * were a fifth of a PutBucketEncryption's samples, issue 15): the same leading whitespace and raw
 * control bytes accepted, the same DOCTYPE, entity, root, attribute and repeated-element refusals,
 * and Jackson's reading of the rest (elements by local name, strangers skipped, text concatenated,
 * text beside child elements ignored, a text-only object refused). {@code
 * EncryptionRuleReadingPropertyTest} holds the two readers to the same answer.
 */
final class EncryptionRuleReader {
  private static final String ROOT = ServerSideEncryptionRule.ROOT;
  private static final String BY_DEFAULT = ServerSideEncryptionRule.BY_DEFAULT;

  private EncryptionRuleReader() {}

  /**
   * @param factory the hardened factory (no DTD support, no external entities)
   * @throws OssException MalformedXML for anything readSingular and the mapping refused
   */
  static ServerSideEncryptionRule read(XMLInputFactory factory, byte[] raw) {
    int start = XmlGuard.leadingWhitespace(raw);
    byte[] body = CharacterReferenceEscaper.referenceControlBytes(raw);
    XMLStreamReader reader = null;
    try {
      reader =
          factory.createXMLStreamReader(new ByteArrayInputStream(body, start, body.length - start));
      return document(new SingularEvents(reader));
    } catch (XMLStreamException | RuntimeException e) {
      if (e instanceof OssException oss) {
        throw oss;
      }
      throw OssException.malformedXml();
    } finally {
      XmlGuard.close(reader);
    }
  }

  private static ServerSideEncryptionRule document(SingularEvents in) throws XMLStreamException {
    int event;
    do {
      event = in.next(); // a comment, a processing instruction or space may come first
    } while (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_DOCUMENT);
    if (event != XMLStreamConstants.START_ELEMENT || !ROOT.equals(in.reader.getLocalName())) {
      throw OssException.malformedXml();
    }
    ApplyServerSideEncryptionByDefault byDefault = null;
    // Text in the root is ignored, even alone: Jackson maps a text-only root to an empty rule.
    while ((event = in.next()) != XMLStreamConstants.END_ELEMENT) {
      if (event == XMLStreamConstants.START_ELEMENT) {
        if (BY_DEFAULT.equals(in.reader.getLocalName())) {
          byDefault = byDefault(in);
        } else {
          in.skip();
        }
      }
    }
    in.leave();
    // Past the root only comments, processing instructions and space may follow.
    while (in.reader.hasNext()) {
      in.next();
    }
    return new ServerSideEncryptionRule(byDefault);
  }

  private static ApplyServerSideEncryptionByDefault byDefault(SingularEvents in)
      throws XMLStreamException {
    String algorithm = null;
    String keyId = null;
    String dataEncryption = null;
    boolean children = false;
    boolean text = false;
    int event;
    while ((event = in.next()) != XMLStreamConstants.END_ELEMENT) {
      if (event != XMLStreamConstants.START_ELEMENT) {
        text |= isText(in, event);
        continue;
      }
      children = true;
      switch (in.reader.getLocalName()) {
        case "SSEAlgorithm" -> algorithm = text(in);
        case "KMSMasterKeyID" -> keyId = text(in);
        case "KMSDataEncryption" -> dataEncryption = text(in);
        default -> in.skip();
      }
    }
    refuseTextOnly(children, text);
    in.leave();
    return new ApplyServerSideEncryptionByDefault(algorithm, keyId, dataEncryption);
  }

  /**
   * Jackson cannot build the nested record from a string: an {@code
   * ApplyServerSideEncryptionByDefault} holding only text (other than space) is refused; beside
   * child elements the text is ignored.
   */
  private static void refuseTextOnly(boolean children, boolean text) {
    if (text && !children) {
      throw OssException.malformedXml();
    }
  }

  private static boolean isText(SingularEvents in, int event) {
    return SingularEvents.isCharacters(event) && !allSpace(in.reader.getText());
  }

  /**
   * A string element's value as Jackson read it: all its text when it has no child element;
   * otherwise the last run of text between child elements that is not all space (children and their
   * text skipped), or "" when there is none.
   */
  private static String text(SingularEvents in) throws XMLStreamException {
    String run = null; // the run of text since the last child element: one fragment, usually
    StringBuilder longer = null;
    String lastRun = null;
    boolean children = false;
    int event;
    while ((event = in.next()) != XMLStreamConstants.END_ELEMENT) {
      if (event == XMLStreamConstants.START_ELEMENT) {
        children = true;
        String ended = longer != null ? longer.toString() : run;
        lastRun = ended != null && !allSpace(ended) ? ended : lastRun;
        run = null;
        longer = null;
        in.skip();
      } else if (SingularEvents.isCharacters(event)) {
        if (run == null) {
          run = in.reader.getText();
        } else {
          longer = (longer == null ? new StringBuilder(run) : longer).append(in.reader.getText());
        }
      }
    }
    in.leave();
    String ended = longer != null ? longer.toString() : run;
    if (!children) {
      return ended == null ? "" : ended;
    }
    lastRun = ended != null && !allSpace(ended) ? ended : lastRun;
    return lastRun == null ? "" : lastRun;
  }

  /** Jackson's test for ignorable text: no character above U+0020. */
  private static boolean allSpace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > ' ') {
        return false;
      }
    }
    return true;
  }
}
