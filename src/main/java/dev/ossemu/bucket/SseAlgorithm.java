package dev.ossemu.bucket;

import java.util.Optional;

/** The server-side encryption algorithms a bucket rule may name (spec §1). */
public enum SseAlgorithm {
  AES256,
  KMS,
  SM4;

  /**
   * The algorithm with exactly this wire name. Matching is case-sensitive: every SDK sends upper
   * case and whether OSS accepts others is UNCONFIRMED (spec §1 rule 3), so others are refused.
   */
  public static Optional<SseAlgorithm> fromWire(String value) {
    for (SseAlgorithm algorithm : values()) {
      if (algorithm.name().equals(value)) {
        return Optional.of(algorithm);
      }
    }
    return Optional.empty();
  }
}
