package dev.ossemu.xml;

import dev.ossemu.xml.ServerSideEncryptionRule.ApplyServerSideEncryptionByDefault;
import java.nio.charset.StandardCharsets;

/**
 * The three-field {@code ServerSideEncryptionRule} (spec §2) written by hand: a string join instead
 * of a serializer. {@link EncryptionRuleReader} reads it.
 */
final class EncryptionRuleXml {
  private static final String ROOT = ServerSideEncryptionRule.ROOT;
  private static final String BY_DEFAULT = ServerSideEncryptionRule.BY_DEFAULT;

  private EncryptionRuleXml() {}

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
