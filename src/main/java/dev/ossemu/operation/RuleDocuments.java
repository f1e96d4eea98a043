package dev.ossemu.operation;

import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.xml.ServerSideEncryptionRule;
import dev.ossemu.xml.ServerSideEncryptionRule.ApplyServerSideEncryptionByDefault;
import dev.ossemu.xml.XmlCodec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The GetBucketEncryption body of each rule, written once: a rule is an immutable value, so its
 * document is too, and a GetBucketEncryption is then a map lookup and a copy-free answer instead of
 * a serialisation. Bounded: past {@link #MAX_RULES} distinct rules (only distinct KMS key ids make
 * more than a handful) it starts over, so a long run with many keys cannot grow it without end.
 */
final class RuleDocuments {
  static final int MAX_RULES = 1024;

  private final XmlCodec xml;
  private final Map<EncryptionRule, byte[]> documents = new ConcurrentHashMap<>();

  RuleDocuments(XmlCodec xml) {
    this.xml = xml;
  }

  /** The document; callers must not change the array (OssResponse only reads it). */
  byte[] of(EncryptionRule rule) {
    byte[] document = documents.get(rule);
    if (document == null) {
      if (documents.size() >= MAX_RULES) {
        documents.clear();
      }
      document = documents.computeIfAbsent(rule, this::write);
    }
    return document;
  }

  /** How many documents are kept now. */
  int size() {
    return documents.size();
  }

  private byte[] write(EncryptionRule rule) {
    return xml.writeEncryptionRule(
        new ServerSideEncryptionRule(
            new ApplyServerSideEncryptionByDefault(
                rule.algorithm().name(), rule.kmsMasterKeyId(), rule.kmsDataEncryption())));
  }
}
