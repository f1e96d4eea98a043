package dev.ossemu.object;

import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.bucket.SseAlgorithm;
import dev.ossemu.error.OssErrorCode;
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

  static final String ALGORITHM_HEADER = "x-oss-server-side-encryption";
  static final String KEY_ID_HEADER = "x-oss-server-side-encryption-key-id";
  static final String DATA_HEADER = "x-oss-server-side-data-encryption";

  /** Whether the request carries any SSE header (UploadPart and Complete must not). */
  public static boolean present(Headers headers) {
    return headers.contains(ALGORITHM_HEADER)
        || headers.contains(KEY_ID_HEADER)
        || headers.contains(DATA_HEADER);
  }

  /**
   * The encryption of a new object.
   *
   * @param bucketRule the bucket's default rule, or null
   * @return the encryption, or null for an unencrypted object
   * @throws OssException InvalidEncryptionAlgorithmError / InvalidDataEncryptionAlgorithmError
   */
  public static ObjectEncryption resolve(Headers headers, EncryptionRule bucketRule) {
    String algorithmHeader = headers.get(ALGORITHM_HEADER);
    String data = blankToNull(headers.get(DATA_HEADER));
    if (data != null && !EncryptionRule.SM4_DATA_ENCRYPTION.equals(data)) {
      throw OssException.of(OssErrorCode.INVALID_DATA_ENCRYPTION_ALGORITHM).build();
    }
    if (algorithmHeader == null) {
      // spec §8a: a data encryption header alone is ignored; the bucket default applies.
      return bucketRule == null
          ? null
          : of(bucketRule.algorithm(), bucketRule.kmsMasterKeyId(), bucketRule.kmsDataEncryption());
    }
    SseAlgorithm algorithm =
        SseAlgorithm.fromWire(algorithmHeader)
            .orElseThrow(
                () ->
                    OssException.of(OssErrorCode.INVALID_ENCRYPTION_ALGORITHM)
                        .message("The encryption algorithm specified is not valid.")
                        .build());
    return of(algorithm, blankToNull(headers.get(KEY_ID_HEADER)), data);
  }

  private static ObjectEncryption of(SseAlgorithm algorithm, String keyId, String data) {
    if (algorithm != SseAlgorithm.KMS) {
      return new ObjectEncryption(algorithm, null, null);
    }
    return new ObjectEncryption(algorithm, keyId == null ? DEFAULT_KMS_KEY_ID : keyId, data);
  }

  /** The response headers that report it (spec §8a). */
  public void writeTo(Map<String, String> headers) {
    headers.put(ALGORITHM_HEADER, algorithm.name());
    if (keyId != null) {
      headers.put(KEY_ID_HEADER, keyId);
    }
    if (dataEncryption != null) {
      headers.put(DATA_HEADER, dataEncryption);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
