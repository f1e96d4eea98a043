package dev.ossemu.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.bucket.SseAlgorithm;
import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.xml.XmlCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PutBucketEncryption's body rules (spec §1), in the order the spec recommends. */
class EncryptionRuleValidatorTest {
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
    return catchThrowableOfType(OssException.class, () -> validate(xml));
  }

  @Test
  void acceptsEveryClientsVariant() {
    // JAVA1: an empty KMSMasterKeyID even for AES256, no declaration.
    assertThat(
            validate(rule("<SSEAlgorithm>AES256</SSEAlgorithm><KMSMasterKeyID></KMSMasterKeyID>")))
        .isEqualTo(EncryptionRule.of(SseAlgorithm.AES256));
    // GO2: KMS with SM4 data encryption, no key id.
    assertThat(
            validate(
                rule("<SSEAlgorithm>KMS</SSEAlgorithm><KMSDataEncryption>SM4</KMSDataEncryption>")))
        .isEqualTo(new EncryptionRule(SseAlgorithm.KMS, null, "SM4"));
    // NODE: a double-quoted declaration and a key id.
    assertThat(
            validate(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + rule("<SSEAlgorithm>KMS</SSEAlgorithm><KMSMasterKeyID>k1</KMSMasterKeyID>")))
        .isEqualTo(new EncryptionRule(SseAlgorithm.KMS, "k1", null));
    // PY: a single-quoted declaration.
    assertThat(
            validate(
                "<?xml version='1.0' encoding='utf-8'?>"
                    + rule("<SSEAlgorithm>SM4</SSEAlgorithm>")))
        .isEqualTo(EncryptionRule.of(SseAlgorithm.SM4));
  }

  @Test
  void dropsSm4DataEncryptionUnderANonKmsAlgorithm() {
    assertThat(
            validate(
                rule(
                    "<SSEAlgorithm>AES256</SSEAlgorithm><KMSDataEncryption>SM4</KMSDataEncryption>")))
        .isEqualTo(EncryptionRule.of(SseAlgorithm.AES256));
  }

  @ParameterizedTest
  @ValueSource(strings = {"random", "kms", "Aes256", "", "DES"})
  void refusesUnknownAlgorithms(String algorithm) {
    OssException error = refused(rule("<SSEAlgorithm>" + algorithm + "</SSEAlgorithm>"));
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.INVALID_ENCRYPTION_ALGORITHM);
    assertThat(error.ec()).isEqualTo("0005-00000003");
    assertThat(error.getMessage())
        .isEqualTo(
            "The Encryption request you specified is not valid. Supported value: AES256/SM4/KMS.");
  }

  @Test
  void refusesAKeyIdUnderANonKmsAlgorithm() {
    OssException error =
        refused(rule("<SSEAlgorithm>AES256</SSEAlgorithm><KMSMasterKeyID>test</KMSMasterKeyID>"));
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.INVALID_ARGUMENT);
    assertThat(error.ec()).isEqualTo("0005-00000204");
    assertThat(error.getMessage())
        .isEqualTo("KMSMasterKeyID is not applicable if the default sse algorithm is not KMS");
  }

  @Test
  void refusesADataEncryptionOtherThanSm4UnderKms() {
    OssException error =
        refused(rule("<SSEAlgorithm>KMS</SSEAlgorithm><KMSDataEncryption>AES</KMSDataEncryption>"));
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.INVALID_ARGUMENT);
    assertThat(error.ec()).isEqualTo("0005-00000203");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not xml",
        "<ServerSideEncryptionRule>",
        "<Other><ApplyServerSideEncryptionByDefault><SSEAlgorithm>KMS</SSEAlgorithm>"
            + "</ApplyServerSideEncryptionByDefault></Other>",
        "<ServerSideEncryptionRule></ServerSideEncryptionRule>",
        "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault>"
            + "</ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>",
        "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>KMS"
            + "</SSEAlgorithm></ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule><x/>"
      })
  void refusesMalformedDocuments(String xml) {
    assertThat(refused(xml).errorCode()).isEqualTo(OssErrorCode.MALFORMED_XML);
  }

  @Test
  void refusesDoctypesWithoutReadingAnyEntity(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "KMS");
    String external =
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \""
            + secret.toUri()
            + "\">]>"
            + rule("<SSEAlgorithm>&x;</SSEAlgorithm>");
    String internal =
        "<!DOCTYPE r [<!ENTITY x \"KMS\">]>" + rule("<SSEAlgorithm>&x;</SSEAlgorithm>");
    String laughs =
        "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
            + rule("<SSEAlgorithm>&c;</SSEAlgorithm>");
    String plain = "<!DOCTYPE ServerSideEncryptionRule>" + rule("<SSEAlgorithm>KMS</SSEAlgorithm>");
    for (String xml : new String[] {external, internal, laughs, plain}) {
      assertThat(refused(xml).errorCode()).as(xml).isEqualTo(OssErrorCode.MALFORMED_XML);
    }
  }
}
