package dev.ossemu.xml;

import dev.ossemu.error.OssException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The events of a StAX reader under {@link XmlCodec#readSingular}'s guards, for {@link
 * EncryptionRuleReader}: a DTD, an entity reference, an attribute or a name its parent element
 * already had is MalformedXML, and text is checked as it passes.
 */
final class SingularEvents {
  final XMLStreamReader reader;

  /**
   * The local names of the children already seen under each open element, one flat list: {@code
   * levels[d]} is where depth d's names start. A repeated name at any depth is MalformedXML, as
   * readSingular had it (Jackson would silently keep the last).
   */
  private final List<String> names = new ArrayList<>(8);

  private int[] levels = new int[8];
  private int depth;

  SingularEvents(XMLStreamReader reader) {
    this.reader = reader;
  }

  static boolean isCharacters(int event) {
    return event == XMLStreamConstants.CHARACTERS
        || event == XMLStreamConstants.CDATA
        || event == XMLStreamConstants.SPACE;
  }

  /** Skips the element the reader is on, children included, still checking them. */
  void skip() throws XMLStreamException {
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
  int next() throws XMLStreamException {
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
  void leave() {
    int from = levels[--depth];
    names.subList(from, names.size()).clear();
  }
}
