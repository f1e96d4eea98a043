package dev.ossemu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.CreateBucketRequest;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.ListPartsRequest;
import dev.ossemu.OssEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Errors as the SDK suites expect them: NoSuchBucket before credential errors, LocationConstraint
 * of another region, and the EC OSS documents.
 */
class BucketErrorsIT {
  private static final String BUCKET = "bucket-errors";
  private OssEmulator oss;
  private OSS client;

  @BeforeEach
  void start() {
    oss = OssEmulator.builder().bucket(BUCKET).build().start();
    client = JavaSdkV3Clients.client(oss, SignVersion.V1, oss.accessKeyId(), oss.accessKeySecret());
  }

  @AfterEach
  void stop() {
    client.shutdown();
    oss.close();
  }

  private static OSSException refused(Runnable call) {
    return catchThrowableOfType(OSSException.class, call::run);
  }

  @ParameterizedTest
  @EnumSource(
      value = SignVersion.class,
      names = {"V1", "V4"})
  void answersNoSuchBucketBeforeCredentialErrors(SignVersion version) {
    OSS unknownKey = JavaSdkV3Clients.client(oss, version, "no-such-key", "whatever");
    OSS wrongSecret = JavaSdkV3Clients.client(oss, version, oss.accessKeyId(), "wrong-secret");
    try {
      assertThat(refused(() -> unknownKey.getBucketInfo("missing-bucket")).getErrorCode())
          .isEqualTo("NoSuchBucket");
      assertThat(refused(() -> wrongSecret.deleteBucket("missing-bucket")).getErrorCode())
          .isEqualTo("NoSuchBucket");
      assertThat(refused(() -> wrongSecret.getObject("missing-bucket", "k")).getErrorCode())
          .isEqualTo("NoSuchBucket");
      // An existing bucket, the service and a new bucket keep the credential errors.
      assertThat(refused(() -> unknownKey.getBucketInfo(BUCKET)).getErrorCode())
          .isEqualTo("InvalidAccessKeyId");
      assertThat(refused(() -> wrongSecret.getBucketInfo(BUCKET)).getErrorCode())
          .isEqualTo("SignatureDoesNotMatch");
      assertThat(refused(unknownKey::listBuckets).getErrorCode()).isEqualTo("InvalidAccessKeyId");
      assertThat(refused(() -> unknownKey.createBucket("new-bucket")).getErrorCode())
          .isEqualTo("InvalidAccessKeyId");
      assertThat(client.doesBucketExist("new-bucket")).isFalse();
    } finally {
      unknownKey.shutdown();
      wrongSecret.shutdown();
    }
  }

  @Test
  void refusesALocationConstraintOfAnotherRegion() {
    CreateBucketRequest elsewhere = new CreateBucketRequest("elsewhere");
    elsewhere.setLocationConstraint("oss-cn-shanghai");
    OSSException refused = refused(() -> client.createBucket(elsewhere));
    assertThat(refused.getErrorCode()).isEqualTo("InvalidLocationConstraint");
    assertThat(client.doesBucketExist("elsewhere")).isFalse();

    CreateBucketRequest again = new CreateBucketRequest(BUCKET);
    again.setLocationConstraint("oss-cn-beijing");
    assertThat(refused(() -> client.createBucket(again)).getErrorCode())
        .isEqualTo("InvalidLocationConstraint");

    CreateBucketRequest here = new CreateBucketRequest("here");
    here.setLocationConstraint("oss-" + oss.region());
    client.createBucket(here);
    assertThat(client.getBucketLocation("here")).isEqualTo("oss-" + oss.region());
  }

  @Test
  void answersNoSuchUploadWithTheEcOfTheOperation() {
    String key = "k";
    client.initiateMultipartUpload(new InitiateMultipartUploadRequest(BUCKET, key));

    OSSException listParts =
        refused(() -> client.listParts(new ListPartsRequest(BUCKET, key, "nope")));
    assertThat(listParts.getErrorCode()).isEqualTo("NoSuchUpload");
    assertThat(listParts.getEC()).isEqualTo("0042-00000002");
    OSSException uploadPart =
        refused(
            () ->
                client.uploadPart(
                    new com.aliyun.oss.model.UploadPartRequest(
                        BUCKET, key, "nope", 1, new java.io.ByteArrayInputStream(new byte[1]), 1)));
    assertThat(uploadPart.getEC()).isEqualTo("0042-00000104");
  }
}
