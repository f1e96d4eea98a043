package dev.ossemu.operation;

import static dev.ossemu.testing.SignedRequests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.bucket.SseAlgorithm;
import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.testing.SignedRequests;
import dev.ossemu.xml.XmlCodec;
import org.junit.jupiter.api.Test;

/** What a PutBucket request asks for (spec §4), read from headers and body. */
class PutBucketInputTest {
  private final XmlCodec xml = new XmlCodec();

  private PutBucketInput parse(SignedRequests request) {
    return PutBucketInput.parse(request.unsigned(), xml);
  }

  private static SignedRequests putBucket() {
    return request("PUT", "/examplebucket/");
  }

  @Test
  void namesNothingWithoutABodyAndDefaultsToStandardLrs() {
    PutBucketInput input = parse(putBucket());
    assertThat(input).isEqualTo(new PutBucketInput(null, null, null, null, null));
    assertThat(input.storageClassOrDefault()).isEqualTo("Standard");
    assertThat(input.dataRedundancyTypeOrDefault()).isEqualTo("LRS");
  }

  @Test
  void keepsTheDefaultsForAnEmptyConfiguration() {
    assertThat(parse(putBucket().body("<CreateBucketConfiguration/>")))
        .isEqualTo(new PutBucketInput(null, null, null, null, null));
    assertThat(
            parse(
                putBucket()
                    .body(
                        "<CreateBucketConfiguration><StorageClass> </StorageClass>"
                            + "</CreateBucketConfiguration>")))
        .isEqualTo(new PutBucketInput(null, null, null, null, null));
  }

  @Test
  void trimsTheConfigurationValues() {
    assertThat(
            parse(
                putBucket()
                    .header("x-oss-acl", "public-read")
                    .body(
                        "<CreateBucketConfiguration><StorageClass> Archive </StorageClass>"
                            + "<DataRedundancyType>\nZRS\n</DataRedundancyType>"
                            + "</CreateBucketConfiguration>")))
        .isEqualTo(new PutBucketInput("public-read", "Archive", "ZRS", null, null));
  }

  @Test
  void namesTheInvalidConfigurationElement() {
    OssException error =
        catchThrowableOfType(
            OssException.class,
            () ->
                parse(
                    putBucket()
                        .body(
                            "<CreateBucketConfiguration><StorageClass>Glacier</StorageClass>"
                                + "</CreateBucketConfiguration>")));
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.INVALID_ARGUMENT);
    assertThat(error.extras())
        .containsEntry("ArgumentName", "StorageClass")
        .containsEntry("ArgumentValue", "Glacier");
  }

  @Test
  void readsAKmsRuleWithATrimmedKeyIdAndTreatsABlankOneAsNone() {
    assertThat(
            parse(
                    putBucket()
                        .header("x-oss-server-side-encryption", "KMS")
                        .header("x-oss-server-side-encryption-key-id", " key-1 "))
                .encryption())
        .isEqualTo(new EncryptionRule(SseAlgorithm.KMS, "key-1", null));
    assertThat(
            parse(
                    putBucket()
                        .header("x-oss-server-side-encryption", "KMS")
                        .header("x-oss-server-side-encryption-key-id", "  "))
                .encryption())
        .isEqualTo(EncryptionRule.of(SseAlgorithm.KMS));
  }

  @Test
  void namesTheKeyIdHeaderUnderANonKmsAlgorithm() {
    OssException error =
        catchThrowableOfType(
            OssException.class,
            () ->
                parse(
                    putBucket()
                        .header("x-oss-server-side-encryption", "SM4")
                        .header("x-oss-server-side-encryption-key-id", "key-1")));
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.INVALID_ARGUMENT);
    assertThat(error.extras())
        .containsEntry("ArgumentName", "x-oss-server-side-encryption-key-id")
        .containsEntry("ArgumentValue", "key-1");
  }

  @Test
  void refusesALowerCaseAlgorithmHeader() {
    OssException error =
        catchThrowableOfType(
            OssException.class,
            () -> parse(putBucket().header("x-oss-server-side-encryption", "kms")));
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.INVALID_ENCRYPTION_ALGORITHM);
  }

  @Test
  void checkAclAcceptsTheThreeCannedAclsAndAnAbsentHeader() {
    for (String acl : new String[] {null, "private", "public-read", "public-read-write"}) {
      assertThatCode(() -> PutBucketInput.checkAcl(acl)).as(acl).doesNotThrowAnyException();
    }
    assertThat(
            catchThrowableOfType(OssException.class, () -> PutBucketInput.checkAcl("PRIVATE"))
                .errorCode())
        .isEqualTo(OssErrorCode.INVALID_ARGUMENT);
  }
}
