package dev.ossemu.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * The body of PutBucketEncryption and GetBucketEncryption (spec §1, §2). Every component names its
 * element explicitly: on records a bare {@code @JacksonXmlProperty} fails (jackson-dataformat-xml
 * #665).
 */
@JacksonXmlRootElement(localName = "ServerSideEncryptionRule")
public record ServerSideEncryptionRule(
    @JacksonXmlProperty(localName = "ApplyServerSideEncryptionByDefault")
        ApplyServerSideEncryptionByDefault applyServerSideEncryptionByDefault) {

  /** The root element name, which the reader checks before mapping. */
  public static final String ROOT = "ServerSideEncryptionRule";

  /** The element of the rule inside the root, which the reader and the writer name. */
  static final String BY_DEFAULT = "ApplyServerSideEncryptionByDefault";

  /** The rule itself. Absent elements are null; JAVA1 sends an empty KMSMasterKeyID. */
  public record ApplyServerSideEncryptionByDefault(
      @JacksonXmlProperty(localName = "SSEAlgorithm") String sseAlgorithm,
      @JacksonXmlProperty(localName = "KMSMasterKeyID") String kmsMasterKeyId,
      @JacksonXmlProperty(localName = "KMSDataEncryption") String kmsDataEncryption) {}
}
