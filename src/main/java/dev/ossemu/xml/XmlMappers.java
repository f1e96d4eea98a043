package dev.ossemu.xml;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import com.ctc.wstx.stax.WstxOutputFactory;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import org.codehaus.stax2.XMLOutputFactory2;

/**
 * The Woodstox input factory, hardened as {@link XmlCodec} describes (no DTD, no external entity),
 * and the two Jackson mappers it reads and writes with, each built on first use.
 */
final class XmlMappers {
  /**
   * Shared by every codec of the JVM: a configured Woodstox factory and mapper are thread-safe and
   * immutable, and building them again for each emulator cost every test class's start() tens of
   * milliseconds.
   */
  static final class Input {
    static final XMLInputFactory INPUT = hardenedInput();
  }

  /**
   * Built on first use (or by {@link XmlCodec#prepare()} once the port is bound): an XmlMapper
   * costs tens of milliseconds and hundreds of classes, and the encryption calls, the emulator's
   * hot path, never need it.
   */
  private static volatile XmlMapper mapper;

  /**
   * The mapper for result documents: characters XML 1.0 cannot carry are written as character
   * references, as OSS does; error documents stay strict XML 1.0 and use {@link #mapper()}.
   */
  private static volatile XmlMapper resultMapper;

  private XmlMappers() {}

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

  static XmlMapper mapper() {
    if (mapper == null) {
      build();
    }
    return mapper;
  }

  static XmlMapper resultMapper() {
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
}
