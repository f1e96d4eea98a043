package dev.ossemu.bucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The invariants of a stored rule (spec §1–2) and the algorithm names. */
class EncryptionRuleTest {

  @Test
  void ofHasNeitherKeyIdNorDataEncryption() {
    EncryptionRule rule = EncryptionRule.of(SseAlgorithm.SM4);
    assertThat(rule.algorithm()).isEqualTo(SseAlgorithm.SM4);
    assertThat(rule.kmsMasterKeyId()).isNull();
    assertThat(rule.kmsDataEncryption()).isNull();
  }

  @Test
  void allowsKeyIdAndSm4UnderKms() {
    EncryptionRule rule = new EncryptionRule(SseAlgorithm.KMS, "key-1", "SM4");
    assertThat(rule.kmsMasterKeyId()).isEqualTo("key-1");
    assertThat(rule.kmsDataEncryption()).isEqualTo(EncryptionRule.SM4_DATA_ENCRYPTION);
  }

  @Test
  void requiresAnAlgorithm() {
    assertThatThrownBy(() -> new EncryptionRule(null, null, null))
        .isInstanceOf(NullPointerException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"AES256", "SM4"})
  void refusesAKeyIdOrDataEncryptionOutsideKms(String algorithm) {
    SseAlgorithm sse = SseAlgorithm.valueOf(algorithm);
    assertThatThrownBy(() -> new EncryptionRule(sse, "k", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EncryptionRule(sse, null, "SM4"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAnEmptyKeyIdAndAnyDataEncryptionButSm4() {
    assertThatThrownBy(() -> new EncryptionRule(SseAlgorithm.KMS, "", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EncryptionRule(SseAlgorithm.KMS, null, "sm4"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EncryptionRule(SseAlgorithm.KMS, null, "AES256"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void matchesAlgorithmNamesExactly() {
    assertThat(SseAlgorithm.fromWire("AES256")).contains(SseAlgorithm.AES256);
    assertThat(SseAlgorithm.fromWire("KMS")).contains(SseAlgorithm.KMS);
    assertThat(SseAlgorithm.fromWire("SM4")).contains(SseAlgorithm.SM4);
    for (String other : new String[] {"kms", "Sm4", "aes256", " KMS", "", "random"}) {
      assertThat(SseAlgorithm.fromWire(other)).as(other).isEmpty();
    }
  }
}
