package dev.ossemu.testing;

import dev.ossemu.request.OssResponse;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Reads element texts out of a response document, with the JDK's DOM parser. */
public final class XmlText {
  private XmlText() {}

  /** The text of every element named {@code tag}, in document order. */
  public static List<String> all(OssResponse response, String tag) {
    NodeList nodes = parse(response.body()).getElementsByTagName(tag);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent());
    }
    return texts;
  }

  /** The text of the only element named {@code tag}, or null when there is none. */
  public static String one(OssResponse response, String tag) {
    List<String> texts = all(response, tag);
    if (texts.size() > 1) {
      throw new AssertionError(texts.size() + " elements named " + tag);
    }
    return texts.isEmpty() ? null : texts.get(0);
  }

  /**
   * Whether {@code document} is well-formed XML 1.0, as the JDK's parser (and every SDK's) reads
   * it: a control character, even as {@code &#x1;}, makes it not.
   */
  public static boolean isWellFormedXml10(String document) {
    try {
      parse(document.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return true;
    } catch (AssertionError e) {
      return false;
    }
  }

  private static Document parse(byte[] body) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    } catch (Exception e) {
      throw new AssertionError("not a well-formed document", e);
    }
  }
}
