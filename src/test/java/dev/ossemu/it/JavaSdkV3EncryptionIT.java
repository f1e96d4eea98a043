package dev.ossemu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.BucketInfo;
import com.aliyun.oss.model.SSEAlgorithm;
import com.aliyun.oss.model.ServerSideEncryptionByDefault;
import com.aliyun.oss.model.ServerSideEncryptionConfiguration;
import com.aliyun.oss.model.SetBucketEncryptionRequest;
import dev.ossemu.OssEmulator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bucket default encryption driven by the official Java SDK 3.x, V1 and V4 signed. */
class JavaSdkV3EncryptionIT {
  private static final String BUCKET = "examplebucket";
  private static OssEmulator oss;

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
  void reset() {
    oss.reset();
  }

  private static OSS owner(SignVersion version) {
    return JavaSdkV3Clients.client(oss, version, "test-access-key", "test-secret-key");
  }

  private static SetBucketEncryptionRequest rule(String algorithm, String keyId, String data) {
    ServerSideEncryptionByDefault byDefault = new ServerSideEncryptionByDefault(algorithm);
    byDefault.setKMSMasterKeyID(keyId);
    byDefault.setKMSDataEncryption(data);
    ServerSideEncryptionConfiguration configuration = new ServerSideEncryptionConfiguration();
    configuration.setApplyServerSideEncryptionByDefault(byDefault);
    return new SetBucketEncryptionRequest(BUCKET, configuration);
  }

  static Stream<Arguments> rules() {
    Stream.Builder<Arguments> rules = Stream.builder();
    for (SignVersion version : new SignVersion[] {SignVersion.V1, SignVersion.V4}) {
      rules.add(Arguments.of(version, "AES256", null, null));
      rules.add(Arguments.of(version, "SM4", null, null));
      rules.add(Arguments.of(version, "KMS", null, null));
      rules.add(Arguments.of(version, "KMS", "my-kms-key", null));
      rules.add(Arguments.of(version, "KMS", "my-kms-key", "SM4"));
      rules.add(Arguments.of(version, "KMS", null, "SM4"));
    }
    return rules.build();
  }

  @ParameterizedTest(name = "{0}: {1} key={2} data={3}")
  @MethodSource("rules")
  void roundTripsEveryAlgorithm(SignVersion version, String algorithm, String key, String data) {
    OSS client = owner(version);
    try {
      client.createBucket(BUCKET);
      client.setBucketEncryption(rule(algorithm, key, data));

      ServerSideEncryptionByDefault stored =
          client.getBucketEncryption(BUCKET).getApplyServerSideEncryptionByDefault();
      assertThat(stored.getSSEAlgorithm()).isEqualTo(algorithm);
      assertThat(stored.getKMSMasterKeyID()).isEqualTo(key);
      assertThat(stored.getKMSDataEncryption()).isEqualTo(data);

      ServerSideEncryptionByDefault info =
          client
              .getBucketInfo(BUCKET)
              .getServerSideEncryptionConfiguration()
              .getApplyServerSideEncryptionByDefault();
      assertThat(info.getSSEAlgorithm()).isEqualTo(algorithm);
      assertThat(info.getKMSMasterKeyID()).isEqualTo(key);
      assertThat(info.getKMSDataEncryption()).isEqualTo(data);
    } finally {
      client.shutdown();
    }
  }

  @EachSignatureVersion
  void replacesThenDeletesTheRule(SignVersion version) {
    OSS client = owner(version);
    try {
      client.createBucket(BUCKET);
      client.setBucketEncryption(rule("AES256", null, null));
      client.setBucketEncryption(rule("KMS", "replacement", null));
      assertThat(
              client
                  .getBucketEncryption(BUCKET)
                  .getApplyServerSideEncryptionByDefault()
                  .getKMSMasterKeyID())
          .isEqualTo("replacement");

      client.deleteBucketEncryption(BUCKET);

      OSSException error =
          catchThrowableOfType(OSSException.class, () -> client.getBucketEncryption(BUCKET));
      assertThat(error.getErrorCode()).isEqualTo("NoSuchServerSideEncryptionRule");
      assertThat(error.getRequestId()).matches("[0-9A-F]{24}");
      BucketInfo info = client.getBucketInfo(BUCKET);
      assertThat(
              info.getServerSideEncryptionConfiguration()
                  .getApplyServerSideEncryptionByDefault()
                  .getSSEAlgorithm())
          .isEqualTo("None");
    } finally {
      client.shutdown();
    }
  }

  @EachSignatureVersion
  void rejectsInvalidRulesAndKeepsThePreviousOne(SignVersion version) {
    OSS client = owner(version);
    try {
      client.createBucket(BUCKET);
      client.setBucketEncryption(rule(SSEAlgorithm.SM4.toString(), null, null));

      OSSException unknown =
          catchThrowableOfType(
              OSSException.class, () -> client.setBucketEncryption(rule("random", null, null)));
      assertThat(unknown.getErrorCode()).isEqualTo("InvalidEncryptionAlgorithmError");
      assertThat(unknown.getEC()).isEqualTo("0005-00000003");

      OSSException keyOnAes =
          catchThrowableOfType(
              OSSException.class, () -> client.setBucketEncryption(rule("AES256", "k", null)));
      assertThat(keyOnAes.getErrorCode()).isEqualTo("InvalidArgument");
      assertThat(keyOnAes.getErrorMessage())
          .isEqualTo("KMSMasterKeyID is not applicable if the default sse algorithm is not KMS");

      OSSException badData =
          catchThrowableOfType(
              OSSException.class, () -> client.setBucketEncryption(rule("KMS", null, "AES")));
      assertThat(badData.getErrorCode()).isEqualTo("InvalidArgument");
      assertThat(badData.getEC()).isEqualTo("0005-00000203");

      assertThat(
              client
                  .getBucketEncryption(BUCKET)
                  .getApplyServerSideEncryptionByDefault()
                  .getSSEAlgorithm())
          .isEqualTo("SM4");
    } finally {
      client.shutdown();
    }
  }

  @EachSignatureVersion
  void answersNoSuchBucketForEveryEncryptionCall(SignVersion version) {
    OSS client = owner(version);
    try {
      for (Runnable call :
          new Runnable[] {
            () -> client.setBucketEncryption(rule("AES256", null, null)),
            () -> client.getBucketEncryption(BUCKET),
            () -> client.deleteBucketEncryption(BUCKET)
          }) {
        OSSException error = catchThrowableOfType(OSSException.class, call::run);
        assertThat(error.getErrorCode()).isEqualTo("NoSuchBucket");
        assertThat(error.getErrorFields()).containsEntry("BucketName", BUCKET);
      }
    } finally {
      client.shutdown();
    }
  }
}
