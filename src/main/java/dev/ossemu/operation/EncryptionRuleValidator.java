package dev.ossemu.operation;

import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.bucket.SseAlgorithm;
import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.xml.ServerSideEncryptionRule;
import dev.ossemu.xml.ServerSideEncryptionRule.ApplyServerSideEncryptionByDefault;
import dev.ossemu.xml.XmlCodec;

/**
 * Turns a PutBucketEncryption body into an {@link EncryptionRule}, applying spec §1's rules in its
 * recommended order: well-formed document, algorithm, key id, data encryption.
 */
public final class EncryptionRuleValidator {
  private final XmlCodec xml;

  public EncryptionRuleValidator(XmlCodec xml) {
    this.xml = xml;
  }

  /**
   * Validates a request body.
   *
   * @throws OssException MalformedXML, InvalidEncryptionAlgorithmError or InvalidArgument
   */
  public EncryptionRule validate(byte[] body) {
    // One pass, as strict as readSingular plus the mapping (issue 15: the two were 20 % of
    // samples).
    ServerSideEncryptionRule document = xml.readEncryptionRule(body);
    ApplyServerSideEncryptionByDefault byDefault = document.applyServerSideEncryptionByDefault();
    if (byDefault == null || byDefault.sseAlgorithm() == null) {
      throw OssException.malformedXml();
    }
    SseAlgorithm algorithm =
        SseAlgorithm.fromWire(byDefault.sseAlgorithm().trim())
            .orElseThrow(
                () ->
                    OssException.of(OssErrorCode.INVALID_ENCRYPTION_ALGORITHM)
                        .extra("ArgumentName", "SSEAlgorithm")
                        .extra("ArgumentValue", byDefault.sseAlgorithm())
                        .build());
    String keyId = emptyToNull(byDefault.kmsMasterKeyId());
    String dataEncryption = emptyToNull(byDefault.kmsDataEncryption());
    if (algorithm != SseAlgorithm.KMS) {
      // spec §1 rule 4: an empty KMSMasterKeyID is fine (JAVA1 always sends one).
      if (keyId != null) {
        throw OssException.of(OssErrorCode.INVALID_ARGUMENT)
            .message("KMSMasterKeyID is not applicable if the default sse algorithm is not KMS")
            .ec("0005-00000204")
            .extra("ArgumentName", "KMSMasterKeyID")
            .extra("ArgumentValue", keyId)
            .build();
      }
      // spec §1 rule 6 [SDK-IT]: AES256/SM4 with KMSDataEncryption=SM4 is accepted, value dropped.
      return EncryptionRule.of(algorithm);
    }
    if (dataEncryption != null && !EncryptionRule.SM4_DATA_ENCRYPTION.equals(dataEncryption)) {
      // spec §1 rule 5: EC 0005-00000203 is documented, the code is not; InvalidArgument is likely.
      throw OssException.of(OssErrorCode.INVALID_ARGUMENT)
          .message("The KMSDataEncryption you specified is not valid. Supported value: SM4.")
          .ec("0005-00000203")
          .extra("ArgumentName", "KMSDataEncryption")
          .extra("ArgumentValue", dataEncryption)
          .build();
    }
    return new EncryptionRule(algorithm, keyId, dataEncryption);
  }

  private static String emptyToNull(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.trim();
    return trimmed.isEmpty() ? null : trimmed;
  }
}
