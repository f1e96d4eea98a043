package dev.ossemu.object;

import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.bucket.SseAlgorithm;
import dev.ossemu.error.OssException;
import dev.ossemu.request.Headers;
import java.util.Map;

/**
 * How an object is encrypted, fixed when it is created (spec §8a): by its own SSE headers, else by
 * the bucket's default rule, else not at all. The body is stored as given; the API behaves as if
 * encrypted.
 *
 * @param algorithm the algorithm
 * @param keyId the KMS key id for KMS (a stable default when none was named), else null
 * @param dataEncryption {@code SM4} only for KMS with SM4 data encryption, else null
 */
public record ObjectEncryption(SseAlgorithm algorithm, String keyId, String dataEncryption) {
  /**
   * spec §8a: OSS reports a key id for KMS even when the client named none (its default managed
   * key); the emulator reports this stable stand-in.
   */
  public static final String DEFAULT_KMS_KEY_ID = "oss-emulator-default-kms-key";

  /** Whether the request carries any SSE header (UploadPart and Complete must not). */
  public static boolean present(Headers headers) {
    return SseHeaders.present(headers);
  }

  /**
   * The encryption of a new object: its own headers, else the bucket's default rule.
   *
   * @param bucketRule the bucket's default rule, or null
   * @return the encryption, or null for an unencrypted object
   * @throws OssException InvalidEncryptionAlgorithmError / InvalidDataEncryptionAlgorithmError
   */
  public static ObjectEncryption resolve(Headers headers, EncryptionRule bucketRule) {
    SseHeaders requested = SseHeaders.parse(headers);
    if (requested != null) {
      return of(requested.algorithm(), requested.keyId(), requested.dataEncryption());
    }
    return bucketRule == null
        ? null
        : of(bucketRule.algorithm(), bucketRule.kmsMasterKeyId(), bucketRule.kmsDataEncryption());
  }

  private static ObjectEncryption of(SseAlgorithm algorithm, String keyId, String data) {
    if (algorithm != SseAlgorithm.KMS) {
      return new ObjectEncryption(algorithm, null, null);
    }
    return new ObjectEncryption(algorithm, keyId == null ? DEFAULT_KMS_KEY_ID : keyId, data);
  }

  /** The response headers that report it (spec §8a). */
  public void writeTo(Map<String, String> headers) {
    headers.put(SseHeaders.ALGORITHM, algorithm.name());
    if (keyId != null) {
      headers.put(SseHeaders.KEY_ID, keyId);
    }
    if (dataEncryption != null) {
      headers.put(SseHeaders.DATA, dataEncryption);
    }
  }
}
