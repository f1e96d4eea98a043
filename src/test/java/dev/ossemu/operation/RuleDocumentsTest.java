package dev.ossemu.operation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.bucket.SseAlgorithm;
import dev.ossemu.xml.XmlCodec;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RuleDocumentsTest {
  private final RuleDocuments documents = new RuleDocuments(new XmlCodec());

  @Test
  void writesEachRuleOnceAndSharesItAmongEqualRules() {
    byte[] first = documents.of(new EncryptionRule(SseAlgorithm.KMS, "k1", "SM4"));
    assertThat(documents.of(new EncryptionRule(SseAlgorithm.KMS, "k1", "SM4"))).isSameAs(first);
    assertThat(new String(first, StandardCharsets.UTF_8))
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ServerSideEncryptionRule>"
                + "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>KMS</SSEAlgorithm>"
                + "<KMSMasterKeyID>k1</KMSMasterKeyID><KMSDataEncryption>SM4</KMSDataEncryption>"
                + "</ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>");
    assertThat(
            new String(
                documents.of(EncryptionRule.of(SseAlgorithm.AES256)), StandardCharsets.UTF_8))
        .contains("<SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault>");
  }

  @Test
  void staysBoundedWithManyDistinctKeys() {
    for (int i = 0; i < RuleDocuments.MAX_RULES * 3; i++) {
      String keyId = "key-" + i;
      assertThat(
              new String(
                  documents.of(new EncryptionRule(SseAlgorithm.KMS, keyId, null)),
                  StandardCharsets.UTF_8))
          .contains("<KMSMasterKeyID>" + keyId + "</KMSMasterKeyID>");
    }
    assertThat(documents.size()).isLessThanOrEqualTo(RuleDocuments.MAX_RULES);
  }
}
