package dev.ossemu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.aliyun.sdk.service.oss2.OSSClient;
import com.aliyun.sdk.service.oss2.credentials.StaticCredentialsProvider;
import com.aliyun.sdk.service.oss2.exceptions.ServiceException;
import com.aliyun.sdk.service.oss2.models.ApplyServerSideEncryptionByDefault;
import com.aliyun.sdk.service.oss2.models.BucketInfoServerSideEncryptionRule;
import com.aliyun.sdk.service.oss2.models.BucketSummary;
import com.aliyun.sdk.service.oss2.models.DeleteBucketEncryptionRequest;
import com.aliyun.sdk.service.oss2.models.DeleteBucketRequest;
import com.aliyun.sdk.service.oss2.models.GetBucketEncryptionRequest;
import com.aliyun.sdk.service.oss2.models.GetBucketInfoRequest;
import com.aliyun.sdk.service.oss2.models.ListBucketsRequest;
import com.aliyun.sdk.service.oss2.models.PutBucketEncryptionRequest;
import com.aliyun.sdk.service.oss2.models.PutBucketRequest;
import com.aliyun.sdk.service.oss2.models.ServerSideEncryptionRule;
import dev.ossemu.OssEmulator;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bucket default encryption driven by the official Java SDK V2 (V4 signed, path style). */
class JavaSdkV2IT {
  private static final String BUCKET = "examplebucket";
  private static OssEmulator oss;
  private OSSClient owner;
  private OSSClient other;

  @BeforeAll
  static void start() {
    oss =
        OssEmulator.builder()
            .account("test-access-key", "test-secret-key")
            .account("other-access-key", "other-secret-key")
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    oss.close();
  }

  @BeforeEach
  void clients() {
    oss.reset();
    owner = client("test-access-key", "test-secret-key");
    other = client("other-access-key", "other-secret-key");
  }

  @AfterEach
  void closeClients() throws Exception {
    owner.close();
    other.close();
  }

  private static OSSClient client(String accessKeyId, String secret) {
    return OSSClient.newBuilder()
        .credentialsProvider(new StaticCredentialsProvider(accessKeyId, secret))
        .region(oss.region())
        .endpoint(oss.endpoint())
        .usePathStyle(true)
        .retryMaxAttempts(1)
        .connectTimeout(Duration.ofSeconds(5))
        .readWriteTimeout(Duration.ofSeconds(5))
        .build();
  }

  private static PutBucketEncryptionRequest rule(String algorithm, String keyId, String data) {
    // The V2 builders refuse nulls: an absent element is an unset field.
    ApplyServerSideEncryptionByDefault.Builder byDefault =
        ApplyServerSideEncryptionByDefault.newBuilder().sSEAlgorithm(algorithm);
    if (keyId != null) {
      byDefault.kMSMasterKeyID(keyId);
    }
    if (data != null) {
      byDefault.kMSDataEncryption(data);
    }
    return PutBucketEncryptionRequest.newBuilder()
        .bucket(BUCKET)
        .serverSideEncryptionRule(
            ServerSideEncryptionRule.newBuilder()
                .applyServerSideEncryptionByDefault(byDefault.build())
                .build())
        .build();
  }

  private ApplyServerSideEncryptionByDefault storedRule(OSSClient client) {
    return client
        .getBucketEncryption(GetBucketEncryptionRequest.newBuilder().bucket(BUCKET).build())
        .serverSideEncryptionRule()
        .applyServerSideEncryptionByDefault();
  }

  private static ServiceException serviceError(Runnable call) {
    Throwable thrown = catchThrowable(call::run);
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof ServiceException service) {
        return service;
      }
    }
    throw new AssertionError("expected a ServiceException", thrown);
  }

  @Test
  void roundTripsReplacesAndDeletesRules() {
    owner.putBucket(PutBucketRequest.newBuilder().bucket(BUCKET).build());

    owner.putBucketEncryption(rule("KMS", "my-kms-key", "SM4"));
    ApplyServerSideEncryptionByDefault kms = storedRule(owner);
    assertThat(kms.sSEAlgorithm()).isEqualTo("KMS");
    assertThat(kms.kMSMasterKeyID()).isEqualTo("my-kms-key");
    assertThat(kms.kMSDataEncryption()).isEqualTo("SM4");
    BucketInfoServerSideEncryptionRule info =
        owner
            .getBucketInfo(GetBucketInfoRequest.newBuilder().bucket(BUCKET).build())
            .bucketInfo()
            .serverSideEncryptionRule();
    assertThat(info.sseAlgorithm()).isEqualTo("KMS");
    assertThat(info.kmsMasterKeyID()).isEqualTo("my-kms-key");

    owner.putBucketEncryption(rule("AES256", null, null));
    ApplyServerSideEncryptionByDefault aes = storedRule(owner);
    assertThat(aes.sSEAlgorithm()).isEqualTo("AES256");
    assertThat(aes.kMSMasterKeyID()).isNull();
    assertThat(aes.kMSDataEncryption()).isNull();

    owner.deleteBucketEncryption(DeleteBucketEncryptionRequest.newBuilder().bucket(BUCKET).build());
    ServiceException none = serviceError(() -> storedRule(owner));
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(none.errorCode()).isEqualTo("NoSuchServerSideEncryptionRule");
    assertThat(none.ec()).isEqualTo("0005-00000004");
    assertThat(none.requestId()).matches("[0-9A-F]{24}");
  }

  @Test
  void reportsValidationErrorsAndKeepsTheRule() {
    owner.putBucket(PutBucketRequest.newBuilder().bucket(BUCKET).build());
    owner.putBucketEncryption(rule("SM4", null, null));

    ServiceException algorithm =
        serviceError(() -> owner.putBucketEncryption(rule("DES", null, null)));
    assertThat(algorithm.statusCode()).isEqualTo(400);
    assertThat(algorithm.errorCode()).isEqualTo("InvalidEncryptionAlgorithmError");
    ServiceException key = serviceError(() -> owner.putBucketEncryption(rule("SM4", "k", null)));
    assertThat(key.errorCode()).isEqualTo("InvalidArgument");
    assertThat(key.ec()).isEqualTo("0005-00000204");

    assertThat(storedRule(owner).sSEAlgorithm()).isEqualTo("SM4");
  }

  @Test
  void deniesAnotherAccountAndChangesNothing() {
    owner.putBucket(PutBucketRequest.newBuilder().bucket(BUCKET).build());
    owner.putBucketEncryption(rule("AES256", null, null));

    ServiceException put = serviceError(() -> other.putBucketEncryption(rule("KMS", null, null)));
    assertThat(put.statusCode()).isEqualTo(403);
    assertThat(put.errorCode()).isEqualTo("AccessDenied");
    ServiceException delete =
        serviceError(
            () ->
                other.deleteBucketEncryption(
                    DeleteBucketEncryptionRequest.newBuilder().bucket(BUCKET).build()));
    assertThat(delete.errorCode()).isEqualTo("AccessDenied");
    ServiceException taken =
        serviceError(() -> other.putBucket(PutBucketRequest.newBuilder().bucket(BUCKET).build()));
    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(taken.errorCode()).isEqualTo("BucketAlreadyExists");

    assertThat(storedRule(owner).sSEAlgorithm()).isEqualTo("AES256");
  }

  @Test
  void listsAndDeletesBuckets() {
    owner.putBucket(PutBucketRequest.newBuilder().bucket("bucket-b").build());
    owner.putBucket(PutBucketRequest.newBuilder().bucket("bucket-a").build());
    other.putBucket(PutBucketRequest.newBuilder().bucket("bucket-other").build());

    assertThat(owner.listBuckets(ListBucketsRequest.newBuilder().build()).buckets())
        .extracting(BucketSummary::name)
        .containsExactly("bucket-a", "bucket-b");
    owner.deleteBucket(DeleteBucketRequest.newBuilder().bucket("bucket-a").build());
    assertThat(
            owner.listBuckets(ListBucketsRequest.newBuilder().prefix("bucket").build()).buckets())
        .extracting(BucketSummary::name)
        .containsExactly("bucket-b");
    ServiceException missing =
        serviceError(
            () -> owner.deleteBucket(DeleteBucketRequest.newBuilder().bucket("bucket-a").build()));
    assertThat(missing.errorCode()).isEqualTo("NoSuchBucket");
  }
}
