package dev.ossemu.xml;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import com.ctc.wstx.stax.WstxOutputFactory;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import dev.ossemu.error.OssException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.XMLOutputFactory2;

/**
 * The one place XML is read and written. The parser never processes a DTD or resolves an external
 * entity, and a document that even declares a DOCTYPE is refused: OSS request bodies never carry
 * one, and refusing it closes the door on entity expansion attacks. Otherwise it reads as leniently
 * as OSS does: whitespace before the declaration, and character references to any character XML 1.1
 * allows ({@code <Key>&#x0C;</Key>}, as the Go SDK sends), are accepted.
 */
public final class XmlCodec {
  /**
   * spec §0: OSS starts every document with this exact declaration. Woodstox would write single
   * quotes, so the prefix is fixed here and the mapper writes the document without one.
   */
  static final String DECLARATION_TEXT = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

  private static final byte[] DECLARATION = DECLARATION_TEXT.getBytes(StandardCharsets.UTF_8);

  /**
   * Shared by every codec of the JVM: a configured Woodstox factory and mapper are thread-safe and
   * immutable, and building them again for each emulator cost every test class's start() tens of
   * milliseconds.
   */
  private static final class Input {
    static final XMLInputFactory INPUT = hardenedInput();
  }

  /**
   * Built on first use (or by {@link #prepare()} once the port is bound): an XmlMapper costs tens
   * of milliseconds and hundreds of classes, and the encryption calls, the emulator's hot path,
   * never need it.
   */
  private static volatile XmlMapper mapper;

  /**
   * The mapper for result documents: characters XML 1.0 cannot carry are written as character
   * references, as OSS does; error documents stay strict XML 1.0 and use {@link #mapper()}.
   */
  private static volatile XmlMapper resultMapper;

  private static XMLInputFactory hardenedInput() {
    // Woodstox by name, not XMLInputFactory.newFactory(): the lookup scans the class path for a
    // provider (~30 ms of a standalone start, issue 15), and the properties below are Woodstox's.
    XMLInputFactory factory = new WstxInputFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    // OSS accepts character references to control characters in request documents, which keys
    // may contain: the Go SDK sends DeleteMultipleObjects with <Key>&#x0C;</Key>.
    factory.setProperty(WstxInputProperties.P_ALLOW_XML11_ESCAPED_CHARS_IN_XML10, true);
    return factory;
  }

  private static XmlMapper mapper() {
    if (mapper == null) {
      build();
    }
    return mapper;
  }

  private static XmlMapper resultMapper() {
    if (resultMapper == null) {
      build();
    }
    return resultMapper;
  }

  private static synchronized void build() {
    if (mapper == null) {
      XMLOutputFactory results = new WstxOutputFactory();
      results.setProperty(XMLOutputFactory2.P_TEXT_ESCAPER, new CharacterReferenceEscaper());
      resultMapper = newMapper(results);
      mapper = newMapper(new WstxOutputFactory());
    }
  }

  private static XmlMapper newMapper(XMLOutputFactory outputFactory) {
    XmlMapper xmlMapper = new XmlMapper(new XmlFactory(Input.INPUT, outputFactory));
    xmlMapper.setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
    // Parse leniently (elements OSS may add are ignored), then validate explicitly.
    xmlMapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    return xmlMapper;
  }

  /**
   * Builds the JVM's mapper now unless it exists: the emulator calls this once its port is bound,
   * so the first request that needs it (a PutBucket body, a listing) does not pay for it, and later
   * emulators in the same JVM find it built.
   */
  public static void prepare() {
    mapper();
  }

  /**
   * Reads a PutBucketEncryption body in one pass, exactly as {@link #readSingular} would: the
   * common shape by a byte scan, anything else by the guarded StAX reader.
   *
   * @throws OssException MalformedXML
   */
  public ServerSideEncryptionRule readEncryptionRule(byte[] body) {
    ServerSideEncryptionRule scanned = EncryptionRuleScanner.scan(body);
    return scanned != null ? scanned : readEncryptionRuleWithStax(body);
  }

  /** The StAX reader alone, which judges every body the scanner leaves to it (and its test). */
  ServerSideEncryptionRule readEncryptionRuleWithStax(byte[] body) {
    return EncryptionRuleReader.read(Input.INPUT, body);
  }

  /** Writes a GetBucketEncryption body, byte for byte what {@link #write} would. */
  public byte[] writeEncryptionRule(ServerSideEncryptionRule rule) {
    byte[] fast = EncryptionRuleXml.write(rule);
    return fast != null ? fast : write(rule);
  }

  /**
   * Reads a request body as {@code type}, after checking that it is well-formed XML without a
   * DOCTYPE whose root element is {@code rootElement}. Jackson itself does not check the root name
   * (jackson-dataformat-xml #247). Any failure is {@code MalformedXML}.
   */
  public <T> T read(byte[] body, String rootElement, Class<T> type) {
    return read(body, rootElement, type, false);
  }

  /**
   * Reads a document every element of which occurs at most once and carries no attribute, such as a
   * ServerSideEncryptionRule: Jackson would silently take the last of two {@code <SSEAlgorithm>} or
   * a value given as an attribute, where OSS answers MalformedXML.
   */
  public <T> T readSingular(byte[] body, String rootElement, Class<T> type) {
    return read(body, rootElement, type, true);
  }

  private <T> T read(byte[] raw, String rootElement, Class<T> type, boolean singular) {
    byte[] document =
        CharacterReferenceEscaper.referenceControlBytes(withoutLeadingWhitespace(raw));
    if (!rootElement.equals(rootElementOf(document, singular))) {
      throw OssException.malformedXml();
    }
    try {
      return mapper().readValue(document, type);
    } catch (IOException e) {
      throw OssException.malformedXml();
    }
  }

  /** OSS accepts whitespace before the declaration, which XML itself does not allow there. */
  private static byte[] withoutLeadingWhitespace(byte[] body) {
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

  private static boolean isXmlSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n';
  }

  /**
   * Scans the whole document with the hardened StAX reader and returns its root element name, so
   * that trailing garbage and DOCTYPEs are caught before Jackson maps anything.
   */
  private String rootElementOf(byte[] body, boolean singular) {
    XMLStreamReader reader = null;
    try {
      reader = Input.INPUT.createXMLStreamReader(new ByteArrayInputStream(body));
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
   * Writes a result document (a record annotated with its root element) with the OSS declaration;
   * characters XML 1.0 cannot carry are written as numeric character references.
   */
  public byte[] write(Object document) {
    try {
      return prefixed(resultMapper().writeValueAsBytes(document));
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot serialise " + document.getClass(), e);
    }
  }

  /**
   * Writes a flat document whose children are the entries of {@code elements}, in their order: the
   * shape of {@code <Error>}, whose extra elements vary by code (spec §9.2).
   */
  public byte[] writeFlat(String rootElement, Map<String, String> elements) {
    byte[] fast = XmlText.flat(rootElement, elements);
    if (fast != null) {
      return fast; // every error answer, including the first: no mapper is built for it
    }
    try {
      return prefixed(mapper().writer().withRootName(rootElement).writeValueAsBytes(elements));
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot serialise " + rootElement, e);
    }
  }

  private static byte[] prefixed(byte[] document) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(DECLARATION.length + document.length);
    out.writeBytes(DECLARATION);
    out.writeBytes(document);
    return out.toByteArray();
  }
}
