package dev.ossemu.bucket;

import java.util.Objects;

/**
 * A validated bucket default-encryption rule, distinct from its XML form. Invariants (spec §1–2): a
 * key id and a data encryption exist only under KMS, and the only data encryption is {@code SM4}.
 *
 * @param algorithm the default algorithm
 * @param kmsMasterKeyId the KMS key id, or null when none was given (never empty)
 * @param kmsDataEncryption {@code SM4} or null
 */
public record EncryptionRule(
    SseAlgorithm algorithm, String kmsMasterKeyId, String kmsDataEncryption) {

  /** The only KMSDataEncryption value OSS accepts. */
  public static final String SM4_DATA_ENCRYPTION = "SM4";

  public EncryptionRule {
    Objects.requireNonNull(algorithm, "algorithm");
    if (algorithm != SseAlgorithm.KMS && (kmsMasterKeyId != null || kmsDataEncryption != null)) {
      throw new IllegalArgumentException("key id and data encryption apply only to KMS");
    }
    if (kmsMasterKeyId != null && kmsMasterKeyId.isEmpty()) {
      throw new IllegalArgumentException("an empty key id is stored as null");
    }
    if (kmsDataEncryption != null && !SM4_DATA_ENCRYPTION.equals(kmsDataEncryption)) {
      throw new IllegalArgumentException("data encryption must be SM4");
    }
  }

  public static EncryptionRule of(SseAlgorithm algorithm) {
    return new EncryptionRule(algorithm, null, null);
  }
}
