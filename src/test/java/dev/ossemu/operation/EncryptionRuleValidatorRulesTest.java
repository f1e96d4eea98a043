package dev.ossemu.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.bucket.SseAlgorithm;
import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.xml.XmlCodec;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every body variant and validation rule of PutBucketEncryption (spec §1). */
class EncryptionRuleValidatorRulesTest {
  private static final String NODE_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
  private static final String PY_DECLARATION = "<?xml version='1.0' encoding='utf-8'?>";

  private final EncryptionRuleValidator validator = new EncryptionRuleValidator(new XmlCodec());

  private static String rule(String inner) {
    return "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault>"
        + inner
        + "</ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>";
  }

  private EncryptionRule validate(String xml) {
    return validator.validate(xml.getBytes(StandardCharsets.UTF_8));
  }

  private OssException refused(String xml) {
    OssException error = catchThrowableOfType(OssException.class, () -> validate(xml));
    assertThat(error).as("refusal of %s", xml).isNotNull();
    return error;
  }

  @ParameterizedTest
  @ValueSource(strings = {"AES256", "SM4"})
  void acceptsJava1sEmptyKeyIdUnderANonKmsAlgorithm(String algorithm) {
    assertThat(
            validate(
                rule(
                    "<SSEAlgorithm>"
                        + algorithm
                        + "</SSEAlgorithm><KMSMasterKeyID></KMSMasterKeyID>")))
        .isEqualTo(EncryptionRule.of(SseAlgorithm.valueOf(algorithm)));
  }

  @Test
  void acceptsJava1sEmptyKeyIdUnderKmsAsNoKey() {
    assertThat(
            validate(
                rule(
                    "<SSEAlgorithm>KMS</SSEAlgorithm><KMSMasterKeyID></KMSMasterKeyID>"
                        + "<KMSDataEncryption>SM4</KMSDataEncryption>")))
        .isEqualTo(new EncryptionRule(SseAlgorithm.KMS, null, "SM4"));
  }

  @Test
  void acceptsGo2sBodyWithOnlyTheElementsSet() {
    String go2 =
        "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>KMS"
            + "</SSEAlgorithm><KMSDataEncryption>SM4</KMSDataEncryption>"
            + "</ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>";
    assertThat(validate(go2)).isEqualTo(new EncryptionRule(SseAlgorithm.KMS, null, "SM4"));
    assertThat(
            validate(
                rule(
                    "<SSEAlgorithm>KMS</SSEAlgorithm><KMSMasterKeyID>key-1</KMSMasterKeyID>"
                        + "<KMSDataEncryption>SM4</KMSDataEncryption>")))
        .isEqualTo(new EncryptionRule(SseAlgorithm.KMS, "key-1", "SM4"));
  }

  @Test
  void acceptsPythonsSingleQuotedDeclaration() {
    assertThat(validate(PY_DECLARATION + rule("<SSEAlgorithm>SM4</SSEAlgorithm>")))
        .isEqualTo(EncryptionRule.of(SseAlgorithm.SM4));
    assertThat(
            validate(
                PY_DECLARATION
                    + rule("<SSEAlgorithm>KMS</SSEAlgorithm><KMSMasterKeyID>k</KMSMasterKeyID>")))
        .isEqualTo(new EncryptionRule(SseAlgorithm.KMS, "k", null));
  }

  @Test
  void acceptsNodesDeclarationAndIndentedBody() {
    String node =
        NODE_DECLARATION
            + "\n<ServerSideEncryptionRule>\n  <ApplyServerSideEncryptionByDefault>\n"
            + "    <SSEAlgorithm>KMS</SSEAlgorithm>\n"
            + "    <KMSMasterKeyID>9468da86-3509-4f8d-a61e-6eab1eac****</KMSMasterKeyID>\n"
            + "  </ApplyServerSideEncryptionByDefault>\n</ServerSideEncryptionRule>\n";
    assertThat(validate(node))
        .isEqualTo(
            new EncryptionRule(SseAlgorithm.KMS, "9468da86-3509-4f8d-a61e-6eab1eac****", null));
    assertThat(validate(NODE_DECLARATION + rule("<SSEAlgorithm>AES256</SSEAlgorithm>")))
        .isEqualTo(EncryptionRule.of(SseAlgorithm.AES256));
  }

  @Test
  void acceptsTheElementsInAnyOrder() {
    assertThat(
            validate(
                rule(
                    "<KMSDataEncryption>SM4</KMSDataEncryption><KMSMasterKeyID>k</KMSMasterKeyID>"
                        + "<SSEAlgorithm>KMS</SSEAlgorithm>")))
        .isEqualTo(new EncryptionRule(SseAlgorithm.KMS, "k", "SM4"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"random", "kms", "Kms", "aes256", "sm4", "DES", "AES128"})
  void refusesAnAlgorithmOutsideAes256KmsSm4(String algorithm) {
    OssException error = refused(rule("<SSEAlgorithm>" + algorithm + "</SSEAlgorithm>"));
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.INVALID_ENCRYPTION_ALGORITHM);
    assertThat(error.code()).isEqualTo("InvalidEncryptionAlgorithmError");
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.ec()).isEqualTo("0005-00000003");
    assertThat(error.getMessage())
        .isEqualTo(
            "The Encryption request you specified is not valid. Supported value: AES256/SM4/KMS.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"AES256", "SM4"})
  void rejectsAKmsKeyIdUnderANonKmsAlgorithm(String algorithm) {
    OssException error =
        refused(
            rule(
                "<SSEAlgorithm>"
                    + algorithm
                    + "</SSEAlgorithm><KMSMasterKeyID>test</KMSMasterKeyID>"));
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.INVALID_ARGUMENT);
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.ec()).isEqualTo("0005-00000204");
    assertThat(error.getMessage())
        .isEqualTo("KMSMasterKeyID is not applicable if the default sse algorithm is not KMS");
    assertThat(error.extras())
        .containsEntry("ArgumentName", "KMSMasterKeyID")
        .containsEntry("ArgumentValue", "test");
  }

  @ParameterizedTest
  @ValueSource(strings = {"AES256", "KMS", "sm4", "SM4 SM4"})
  void rejectsADataEncryptionOtherThanSm4UnderKms(String dataEncryption) {
    OssException error =
        refused(
            rule(
                "<SSEAlgorithm>KMS</SSEAlgorithm><KMSDataEncryption>"
                    + dataEncryption
                    + "</KMSDataEncryption>"));
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.INVALID_ARGUMENT);
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.ec()).isEqualTo("0005-00000203");
  }

  @ParameterizedTest
  @ValueSource(strings = {"AES256", "SM4"})
  void acceptsAndDropsSm4DataEncryptionUnderANonKmsAlgorithm(String algorithm) {
    assertThat(
            validate(
                rule(
                    "<SSEAlgorithm>"
                        + algorithm
                        + "</SSEAlgorithm><KMSDataEncryption>SM4</KMSDataEncryption>")))
        .isEqualTo(EncryptionRule.of(SseAlgorithm.valueOf(algorithm)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"test_wrong", "alias/my-key", "00000000-0000-0000-0000-000000000000"})
  void acceptsKmsWithAnyKeyIdWithoutLookingItUp(String keyId) {
    assertThat(
            validate(
                rule(
                    "<SSEAlgorithm>KMS</SSEAlgorithm><KMSMasterKeyID>"
                        + keyId
                        + "</KMSMasterKeyID>")))
        .isEqualTo(new EncryptionRule(SseAlgorithm.KMS, keyId, null));
  }

  @Test
  void checksTheAlgorithmBeforeTheKeyId() {
    assertThat(
            refused(rule("<SSEAlgorithm>random</SSEAlgorithm><KMSMasterKeyID>k</KMSMasterKeyID>"))
                .errorCode())
        .isEqualTo(OssErrorCode.INVALID_ENCRYPTION_ALGORITHM);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "not xml at all",
        "{\"SSEAlgorithm\":\"KMS\"}",
        "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>KMS",
        "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>KMS"
            + "</ApplyServerSideEncryptionByDefault></SSEAlgorithm></ServerSideEncryptionRule>",
        "<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>KMS</SSEAlgorithm>"
            + "</ApplyServerSideEncryptionByDefault></Rule>",
        "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>KMS</SSEAlgorithm>"
            + "</ApplyServerSideEncryptionByDefault>",
        "<ServerSideEncryptionRule/>",
        "<ServerSideEncryptionRule><SSEAlgorithm>KMS</SSEAlgorithm></ServerSideEncryptionRule>",
        "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault>"
            + "<KMSMasterKeyID>k</KMSMasterKeyID></ApplyServerSideEncryptionByDefault>"
            + "</ServerSideEncryptionRule>",
        "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>KMS"
            + "</SSEAlgorithm></ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>"
            + "trailing garbage",
        "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>KMS"
            + "</SSEAlgorithm></ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>"
            + "<ServerSideEncryptionRule/>"
      })
  void refusesABodyThatIsNotAWellFormedRuleAsMalformedXml(String xml) {
    OssException error = refused(xml);
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.MALFORMED_XML);
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.getMessage())
        .isEqualTo(
            "The XML you provided was not well-formed or did not validate against our published"
                + " schema.");
  }
}
