package dev.ossemu.xml;

import com.fasterxml.jackson.core.JacksonException;
import dev.ossemu.error.OssException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

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
   * Builds the JVM's mapper now unless it exists: the emulator calls this once its port is bound,
   * so the first request that needs it (a PutBucket body, a listing) does not pay for it, and later
   * emulators in the same JVM find it built.
   */
  public static void prepare() {
    XmlMappers.mapper();
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
    return EncryptionRuleReader.read(XmlMappers.Input.INPUT, body);
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
        CharacterReferenceEscaper.referenceControlBytes(XmlGuard.withoutLeadingWhitespace(raw));
    if (!rootElement.equals(XmlGuard.rootElementOf(document, singular))) {
      throw OssException.malformedXml();
    }
    try {
      return XmlMappers.mapper().readValue(document, type);
    } catch (IOException e) {
      throw OssException.malformedXml();
    }
  }

  /**
   * Writes a result document (a record annotated with its root element) with the OSS declaration;
   * characters XML 1.0 cannot carry are written as numeric character references.
   */
  public byte[] write(Object document) {
    try {
      return prefixed(XmlMappers.resultMapper().writeValueAsBytes(document));
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
      return prefixed(
          XmlMappers.mapper().writer().withRootName(rootElement).writeValueAsBytes(elements));
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
