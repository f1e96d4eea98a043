package dev.ossemu.xml;

import dev.ossemu.error.OssException;
import dev.ossemu.xml.ServerSideEncryptionRule.ApplyServerSideEncryptionByDefault;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
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
  private static final String BY_DEFAULT = "ApplyServerSideEncryptionByDefault";

  private final XMLStreamReader reader;

  /**
   * The local names of the children already seen under each open element, one flat list: {@code
   * levels[d]} is where depth d's names start. A repeated name at any depth is MalformedXML, as
   * readSingular had it (Jackson would silently keep the last).
   */
  private final List<String> names = new ArrayList<>(8);

  private int[] levels = new int[8];
  private int depth;

  private EncryptionRuleReader(XMLStreamReader reader) {
    this.reader = reader;
  }

  /**
   * @param factory the hardened factory (no DTD support, no external entities)
   * @throws OssException MalformedXML for anything readSingular and the mapping refused
   */
  static ServerSideEncryptionRule read(XMLInputFactory factory, byte[] raw) {
    int start = XmlCodec.leadingWhitespace(raw);
    byte[] body = CharacterReferenceEscaper.referenceControlBytes(raw);
    XMLStreamReader reader = null;
    try {
      reader =
          factory.createXMLStreamReader(new ByteArrayInputStream(body, start, body.length - start));
      return new EncryptionRuleReader(reader).document();
    } catch (XMLStreamException | RuntimeException e) {
      if (e instanceof OssException oss) {
        throw oss;
      }
      throw OssException.malformedXml();
    } finally {
      close(reader);
    }
  }

  private ServerSideEncryptionRule document() throws XMLStreamException {
    int event;
    do {
      event = next(); // a comment, a processing instruction or space may come first
    } while (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_DOCUMENT);
    if (event != XMLStreamConstants.START_ELEMENT || !ROOT.equals(reader.getLocalName())) {
      throw OssException.malformedXml();
    }
    ApplyServerSideEncryptionByDefault byDefault = null;
    // Text in the root is ignored, even alone: Jackson maps a text-only root to an empty rule.
    while ((event = next()) != XMLStreamConstants.END_ELEMENT) {
      if (event == XMLStreamConstants.START_ELEMENT) {
        if (BY_DEFAULT.equals(reader.getLocalName())) {
          byDefault = byDefault();
        } else {
          skip();
        }
      }
    }
    leave();
    // Past the root only comments, processing instructions and space may follow.
    while (reader.hasNext()) {
      next();
    }
    return new ServerSideEncryptionRule(byDefault);
  }

  private ApplyServerSideEncryptionByDefault byDefault() throws XMLStreamException {
    String algorithm = null;
    String keyId = null;
    String dataEncryption = null;
    boolean children = false;
    boolean text = false;
    int event;
    while ((event = next()) != XMLStreamConstants.END_ELEMENT) {
      if (event != XMLStreamConstants.START_ELEMENT) {
        text |= isText(event);
        continue;
      }
      children = true;
      switch (reader.getLocalName()) {
        case "SSEAlgorithm" -> algorithm = text();
        case "KMSMasterKeyID" -> keyId = text();
        case "KMSDataEncryption" -> dataEncryption = text();
        default -> skip();
      }
    }
    refuseTextOnly(children, text);
    leave();
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

  private boolean isText(int event) {
    return isCharacters(event) && !allSpace(reader.getText());
  }

  private static boolean isCharacters(int event) {
    return event == XMLStreamConstants.CHARACTERS
        || event == XMLStreamConstants.CDATA
        || event == XMLStreamConstants.SPACE;
  }

  /**
   * A string element's value as Jackson read it: all its text when it has no child element;
   * otherwise the last run of text between child elements that is not all space (children and their
   * text skipped), or "" when there is none.
   */
  private String text() throws XMLStreamException {
    String run = null; // the run of text since the last child element: one fragment, usually
    StringBuilder longer = null;
    String lastRun = null;
    boolean children = false;
    int event;
    while ((event = next()) != XMLStreamConstants.END_ELEMENT) {
      if (event == XMLStreamConstants.START_ELEMENT) {
        children = true;
        String ended = longer != null ? longer.toString() : run;
        lastRun = ended != null && !allSpace(ended) ? ended : lastRun;
        run = null;
        longer = null;
        skip();
      } else if (isCharacters(event)) {
        if (run == null) {
          run = reader.getText();
        } else {
          longer = (longer == null ? new StringBuilder(run) : longer).append(reader.getText());
        }
      }
    }
    leave();
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

  /** Skips the element the reader is on, children included, still checking them. */
  private void skip() throws XMLStreamException {
    for (int open = depth; depth >= open; ) {
      int event = next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        leave();
      }
    }
  }

  /**
   * The next event; a DTD or an entity reference ends the read as malformed, and a start tag with
   * an attribute or a name its parent already had (readSingular's guards) too.
   */
  private int next() throws XMLStreamException {
    int event = reader.next();
    if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
      throw OssException.malformedXml();
    }
    if (event == XMLStreamConstants.START_ELEMENT) {
      enter(reader.getLocalName());
    } else if (depth > 0 && isCharacters(event)) {
      // Woodstox checks text (a stray "]]>", say) only when it is read, and the mapping read all
      // text inside the root, skipped elements' too: so must this.
      reader.getTextLength();
    }
    return event;
  }

  private void enter(String name) {
    if (reader.getAttributeCount() > 0) {
      throw OssException.malformedXml();
    }
    int from = depth == 0 ? 0 : levels[depth - 1];
    for (int i = from; i < names.size(); i++) {
      if (names.get(i).equals(name)) {
        throw OssException.malformedXml();
      }
    }
    names.add(name);
    if (depth == levels.length) {
      levels = java.util.Arrays.copyOf(levels, depth * 2);
    }
    levels[depth++] = names.size();
  }

  /** Closes the innermost element: its children's names are forgotten, its own stays. */
  private void leave() {
    int from = levels[--depth];
    names.subList(from, names.size()).clear();
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
}
