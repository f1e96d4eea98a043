package dev.ossemu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.Bucket;
import com.aliyun.oss.model.BucketList;
import com.aliyun.oss.model.CannedAccessControlList;
import com.aliyun.oss.model.CreateBucketRequest;
import com.aliyun.oss.model.DataRedundancyType;
import com.aliyun.oss.model.SSEAlgorithm;
import com.aliyun.oss.model.ServerSideEncryptionByDefault;
import com.aliyun.oss.model.ServerSideEncryptionConfiguration;
import com.aliyun.oss.model.SetBucketEncryptionRequest;
import com.aliyun.oss.model.StorageClass;
import dev.ossemu.OssEmulator;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Bucket calls, ownership and authentication errors as the Java SDK 3.x sees them. */
class JavaSdkV3BucketsIT {
  private OssEmulator oss;

  @BeforeEach
  void start() {
    oss =
        OssEmulator.builder()
            .account("test-access-key", "test-secret-key")
            .account("other-access-key", "other-secret-key")
            .build()
            .start();
  }

  @AfterEach
  void stop() {
    oss.close();
  }

  private OSS client(SignVersion version, String accessKeyId, String secret) {
    return JavaSdkV3Clients.client(oss, version, accessKeyId, secret);
  }

  @EachSignatureVersion
  void createsListsInspectsAndDeletesBuckets(SignVersion version) {
    OSS client = client(version, "test-access-key", "test-secret-key");
    try {
      CreateBucketRequest create = new CreateBucketRequest("bucket-b");
      create.setStorageClass(StorageClass.IA);
      create.setDataRedundancyType(DataRedundancyType.ZRS);
      client.createBucket(create);
      client.createBucket("bucket-a");
      client.createBucket("other-c");
      client.createBucket("bucket-a"); // the owner's repeat is fine

      assertThat(client.listBuckets())
          .extracting(Bucket::getName)
          .containsExactly("bucket-a", "bucket-b", "other-c");
      BucketList page = client.listBuckets("bucket-", null, 1);
      assertThat(page.getBucketList()).extracting(Bucket::getName).containsExactly("bucket-a");
      assertThat(page.isTruncated()).isTrue();
      assertThat(page.getNextMarker()).isEqualTo("bucket-a");
      BucketList next = client.listBuckets("bucket-", page.getNextMarker(), 1);
      assertThat(next.getBucketList()).extracting(Bucket::getName).containsExactly("bucket-b");
      assertThat(next.getBucketList().get(0).getStorageClass()).isEqualTo(StorageClass.IA);
      // ListBuckets: the emulator's own address, not OSS's, which would send a client to the cloud;
      // GetBucketInfo keeps OSS's names, which the SDK suites assert.
      String self = java.net.URI.create(oss.endpoint()).getAuthority();
      assertThat(next.getBucketList().get(0).getExtranetEndpoint()).isEqualTo(self);
      assertThat(next.getBucketList().get(0).getIntranetEndpoint()).isEqualTo(self);
      assertThat(client.getBucketInfo("bucket-b").getBucket().getExtranetEndpoint())
          .isEqualTo("oss-cn-hangzhou.aliyuncs.com");

      assertThat(client.doesBucketExist("bucket-a")).isTrue();
      assertThat(client.doesBucketExist("missing-bucket")).isFalse();
      assertThat(client.getBucketLocation("bucket-a")).isEqualTo("oss-cn-hangzhou");
      assertThat(client.getBucketAcl("bucket-a").getCannedACL())
          .isEqualTo(CannedAccessControlList.Private);
      client.setBucketAcl("bucket-a", CannedAccessControlList.PublicRead);
      assertThat(client.getBucketAcl("bucket-a").getCannedACL())
          .isEqualTo(CannedAccessControlList.PublicRead);
      assertThat(client.getBucketMetadata("bucket-a").getBucketRegion()).isEqualTo("cn-hangzhou");
      assertThat(client.getBucketInfo("bucket-b").getDataRedundancyType())
          .isEqualTo(DataRedundancyType.ZRS);

      client.deleteBucket("bucket-a");
      assertThat(client.doesBucketExist("bucket-a")).isFalse();
      OSSException missing =
          catchThrowableOfType(OSSException.class, () -> client.deleteBucket("bucket-a"));
      assertThat(missing.getErrorCode()).isEqualTo("NoSuchBucket");
    } finally {
      client.shutdown();
    }
  }

  @EachSignatureVersion
  void headErrorsReachTheSdkThroughXOssErr(SignVersion version) {
    OSS client = client(version, "test-access-key", "test-secret-key");
    try {
      OSSException error =
          catchThrowableOfType(OSSException.class, () -> client.getBucketMetadata("missing"));
      assertThat(error.getErrorCode()).isEqualTo("NoSuchBucket");
      assertThat(error.getRequestId()).matches("[0-9A-F]{24}");
    } finally {
      client.shutdown();
    }
  }

  @EachSignatureVersion
  void anotherAccountIsDeniedAndChangesNothing(SignVersion version) {
    OSS owner = client(version, "test-access-key", "test-secret-key");
    OSS other = client(version, "other-access-key", "other-secret-key");
    try {
      owner.createBucket("examplebucket");
      ServerSideEncryptionConfiguration configuration = new ServerSideEncryptionConfiguration();
      configuration.setApplyServerSideEncryptionByDefault(
          new ServerSideEncryptionByDefault(SSEAlgorithm.AES256));
      owner.setBucketEncryption(new SetBucketEncryptionRequest("examplebucket", configuration));

      ServerSideEncryptionConfiguration kms = new ServerSideEncryptionConfiguration();
      kms.setApplyServerSideEncryptionByDefault(
          new ServerSideEncryptionByDefault(SSEAlgorithm.KMS));
      for (Runnable call :
          new Runnable[] {
            () -> other.setBucketEncryption(new SetBucketEncryptionRequest("examplebucket", kms)),
            () -> other.getBucketEncryption("examplebucket"),
            () -> other.deleteBucketEncryption("examplebucket"),
            () -> other.deleteBucket("examplebucket"),
            () -> other.getBucketInfo("examplebucket")
          }) {
        OSSException denied = catchThrowableOfType(OSSException.class, call::run);
        assertThat(denied.getErrorCode()).isEqualTo("AccessDenied");
      }
      OSSException taken =
          catchThrowableOfType(OSSException.class, () -> other.createBucket("examplebucket"));
      assertThat(taken.getErrorCode()).isEqualTo("BucketAlreadyExists");
      assertThat(other.listBuckets()).isEmpty();

      assertThat(
              owner
                  .getBucketEncryption("examplebucket")
                  .getApplyServerSideEncryptionByDefault()
                  .getSSEAlgorithm())
          .isEqualTo("AES256");
    } finally {
      owner.shutdown();
      other.shutdown();
    }
  }

  @EachSignatureVersion
  void reportsBadCredentials(SignVersion version) {
    OSS wrongSecret = client(version, "test-access-key", "not-the-secret");
    OSS unknownKey = client(version, "unknown-key", "whatever");
    try {
      OSSException mismatch =
          catchThrowableOfType(OSSException.class, () -> wrongSecret.createBucket("examplebucket"));
      assertThat(mismatch.getErrorCode()).isEqualTo("SignatureDoesNotMatch");
      assertThat(mismatch.getErrorFields()).containsKey("StringToSign");
      assertThat(mismatch.getRawResponseError()).doesNotContain("test-secret-key");

      OSSException unknown =
          catchThrowableOfType(OSSException.class, () -> unknownKey.createBucket("examplebucket"));
      assertThat(unknown.getErrorCode()).isEqualTo("InvalidAccessKeyId");
      assertThat(unknown.getErrorFields()).containsEntry("OSSAccessKeyId", "unknown-key");
    } finally {
      wrongSecret.shutdown();
      unknownKey.shutdown();
    }
  }

  @EachSignatureVersion
  void refusesRequestsSignedFarFromTheServerClock(SignVersion version) {
    try (OssEmulator skewed =
        OssEmulator.builder()
            .clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20)))
            .build()
            .start()) {
      OSS client = JavaSdkV3Clients.client(skewed, version, "test-access-key", "test-secret-key");
      try {
        OSSException error =
            catchThrowableOfType(OSSException.class, () -> client.createBucket("examplebucket"));
        assertThat(error.getErrorCode()).isEqualTo("RequestTimeTooSkewed");
        assertThat(error.getErrorFields()).containsKeys("RequestTime", "ServerTime");
      } finally {
        client.shutdown();
      }
    }
  }
}
