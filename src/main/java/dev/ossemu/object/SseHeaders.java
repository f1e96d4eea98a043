package dev.ossemu.object;

import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.bucket.SseAlgorithm;
import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.request.Headers;

/**
 * The {@code x-oss-server-side-encryption*} headers of a request, validated: on uploads (spec §8a)
 * and on PutBucket, where they set the bucket's default rule (spec §4).
 *
 * @param algorithm the algorithm
 * @param keyId the KMS key id, or null
 * @param dataEncryption {@code SM4}, or null
 */
public record SseHeaders(SseAlgorithm algorithm, String keyId, String dataEncryption) {
  static final String ALGORITHM = "x-oss-server-side-encryption";
  static final String KEY_ID = "x-oss-server-side-encryption-key-id";
  static final String DATA = "x-oss-server-side-data-encryption";

  /** Whether the request carries any SSE header (UploadPart and Complete must not). */
  public static boolean present(Headers headers) {
    return headers.contains(ALGORITHM) || headers.contains(KEY_ID) || headers.contains(DATA);
  }

  /**
   * The headers, or null when there is no algorithm header (spec §8a: a data encryption header
   * alone is ignored).
   *
   * @throws OssException InvalidEncryptionAlgorithmError / InvalidDataEncryptionAlgorithmError
   */
  public static SseHeaders parse(Headers headers) {
    String data = blankToNull(headers.get(DATA));
    if (data != null && !EncryptionRule.SM4_DATA_ENCRYPTION.equals(data)) {
      throw OssException.of(OssErrorCode.INVALID_DATA_ENCRYPTION_ALGORITHM).build();
    }
    String algorithm = headers.get(ALGORITHM);
    if (algorithm == null) {
      return null;
    }
    return new SseHeaders(
        SseAlgorithm.fromWire(algorithm)
            .orElseThrow(
                () ->
                    OssException.of(OssErrorCode.INVALID_ENCRYPTION_ALGORITHM)
                        .message("The encryption algorithm specified is not valid.")
                        .build()),
        blankToNull(headers.get(KEY_ID)),
        data);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
