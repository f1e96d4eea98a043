package dev.ossemu.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The emulator's one error type and the spec's error table (§9.3). */
class OssExceptionTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "NO_SUCH_BUCKET|NoSuchBucket|404|The specified bucket does not exist.|0015-00000101",
        "BUCKET_ALREADY_EXISTS|BucketAlreadyExists|409|The requested bucket name is not available."
            + " The bucket namespace is shared by all users of the system. Please select a"
            + " different name and try again.|0015-00000104",
        "BUCKET_NOT_EMPTY|BucketNotEmpty|409|The bucket has objects. Please delete them first."
            + "|0015-00000301",
        "INVALID_BUCKET_NAME|InvalidBucketName|400|The specified bucket is not valid."
            + "|0015-00000001",
        "NO_SUCH_SERVER_SIDE_ENCRYPTION_RULE|NoSuchServerSideEncryptionRule|404"
            + "|The bucket has no server side encryption rule.|0005-00000004",
        "INVALID_ENCRYPTION_ALGORITHM|InvalidEncryptionAlgorithmError|400|The Encryption request"
            + " you specified is not valid. Supported value: AES256/SM4/KMS.|0005-00000003",
        "INVALID_DATA_ENCRYPTION_ALGORITHM|InvalidDataEncryptionAlgorithmError|400|The KMS Data"
            + " Encryption request you specified is not valid. Supported value:SM4|null",
        "ACCESS_DENIED|AccessDenied|403|AccessDenied|0003-00000001",
        "INVALID_ACCESS_KEY_ID|InvalidAccessKeyId|403|The OSS Access Key Id you provided does not"
            + " exist in our records.|0002-00000902",
        "SIGNATURE_DOES_NOT_MATCH|SignatureDoesNotMatch|403|The request signature we calculated"
            + " does not match the signature you provided. Check your key and signing method."
            + "|0002-00000040",
        "REQUEST_TIME_TOO_SKEWED|RequestTimeTooSkewed|403|The difference between the request time"
            + " and the current time is too large.|0002-00000504",
        "MALFORMED_XML|MalformedXML|400|The XML you provided was not well-formed or did not"
            + " validate against our published schema.|null",
        "INVALID_DIGEST|InvalidDigest|400|The Content-MD5 you specified was invalid.|null",
        "METHOD_NOT_ALLOWED|MethodNotAllowed|405|The specified method is not allowed against this"
            + " resource.|0003-00000016",
        "ENTITY_TOO_LARGE|EntityTooLarge|400|Your proposed upload exceeds the maximum allowed"
            + " size.|null",
        "NO_SUCH_KEY|NoSuchKey|404|The specified key does not exist.|0026-00000001",
        "TOO_MANY_BUCKETS|TooManyBuckets|400|You have attempted to create more buckets than"
            + " allowed.|0015-00000002",
        "INTERNAL_ERROR|InternalError|500|We encountered an internal error. Please try again.|null"
      })
  void carriesTheSpecsCodeStatusMessageAndEc(
      OssErrorCode errorCode, String code, int status, String message, String ec) {
    OssException error = OssException.of(errorCode).build();
    assertThat(error.errorCode()).isEqualTo(errorCode);
    assertThat(error.code()).isEqualTo(code);
    assertThat(error.status()).isEqualTo(status);
    assertThat(error.getMessage()).isEqualTo(message);
    assertThat(error.ec()).isEqualTo(ec);
    assertThat(error.extras()).isEmpty();
    assertThat(error.headers()).isEmpty();
  }

  @Test
  void overridesMessageAndEcAndKeepsExtrasAndHeadersInOrder() {
    OssException error =
        OssException.of(OssErrorCode.INVALID_ARGUMENT)
            .message("KMSMasterKeyID is not applicable if the default sse algorithm is not KMS")
            .ec("0005-00000204")
            .extra("ArgumentName", "KMSMasterKeyID")
            .extra("ArgumentValue", "k")
            .header("X-B", "2")
            .header("X-A", "1")
            .build();
    assertThat(error.getMessage()).startsWith("KMSMasterKeyID");
    assertThat(error.ec()).isEqualTo("0005-00000204");
    assertThat(error.extras())
        .containsExactly(
            Map.entry("ArgumentName", "KMSMasterKeyID"), Map.entry("ArgumentValue", "k"));
    assertThat(error.headers()).containsExactly(Map.entry("X-B", "2"), Map.entry("X-A", "1"));
  }

  @Test
  void isNotChangedByItsBuilderOrItsCallers() {
    OssException.Builder builder = OssException.of(OssErrorCode.NO_SUCH_BUCKET).extra("A", "1");
    OssException first = builder.build();
    builder.extra("B", "2").header("H", "v");

    assertThat(first.extras()).containsExactly(Map.entry("A", "1"));
    assertThat(first.headers()).isEmpty();
    assertThatThrownBy(() -> first.extras().put("C", "3"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> first.headers().put("C", "3"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void namesTheBucketOfNoSuchBucket() {
    OssException error = OssException.noSuchBucket("examplebucket");
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.NO_SUCH_BUCKET);
    assertThat(error.extras()).containsExactly(Map.entry("BucketName", "examplebucket"));
  }

  @Test
  void buildsAccessDeniedWithTheGivenMessage() {
    OssException error = OssException.accessDenied("The bucket you access does not belong to you.");
    assertThat(error.code()).isEqualTo("AccessDenied");
    assertThat(error.status()).isEqualTo(403);
    assertThat(error.getMessage()).isEqualTo("The bucket you access does not belong to you.");
  }

  @Test
  void namesArgumentAndValueOfInvalidArgumentEvenWhenTheValueIsMissing() {
    assertThat(OssException.invalidArgument("m", "x-oss-acl", "bad").extras())
        .containsExactly(Map.entry("ArgumentName", "x-oss-acl"), Map.entry("ArgumentValue", "bad"));
    OssException missing = OssException.invalidArgument("m", "x-oss-acl", null);
    assertThat(missing.extras()).containsEntry("ArgumentValue", "");
    assertThat(missing.getMessage()).isEqualTo("m");
    assertThat(missing.status()).isEqualTo(400);
  }

  @Test
  void givesAnInjectedErrorTheUsersStatusCodeAndMessageWithoutEc() {
    OssException error = OssException.injected(503, "ServiceUnavailable", "busy");
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.INJECTED);
    assertThat(error.status()).isEqualTo(503);
    assertThat(error.code()).isEqualTo("ServiceUnavailable");
    assertThat(error.getMessage()).isEqualTo("busy");
    assertThat(error.ec()).isNull();
  }

  @Test
  void carriesNoStackTraceOrCause() {
    OssException error = OssException.malformedXml();
    assertThat(error.getStackTrace()).isEmpty();
    assertThat(error.getCause()).isNull();
  }

  @Test
  void neverSharesAnInstance() {
    assertThat(OssException.malformedXml()).isNotSameAs(OssException.malformedXml());
  }
}
