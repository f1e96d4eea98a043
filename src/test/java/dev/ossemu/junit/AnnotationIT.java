package dev.ossemu.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.SSEAlgorithm;
import com.aliyun.oss.model.ServerSideEncryptionByDefault;
import com.aliyun.oss.model.ServerSideEncryptionConfiguration;
import com.aliyun.oss.model.SetBucketEncryptionRequest;
import com.aliyun.sdk.service.oss2.OSSClient;
import com.aliyun.sdk.service.oss2.models.GetBucketEncryptionRequest;
import dev.ossemu.OssEmulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** {@code @OssEmulatorTest}: injection into constructors, lifecycle methods and tests. */
@OssEmulatorTest(buckets = "examplebucket")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnnotationIT {
  private static OssEmulator classServer;
  private final OssEmulatorInfo info;

  AnnotationIT(OssEmulatorInfo info) {
    this.info = info;
  }

  @BeforeAll
  static void rememberServer(OssEmulator emulator) {
    classServer = emulator;
  }

  @Test
  @Order(1)
  void injectsBothSdkClientsPointingAtTheSameServer(OSS v3, OSSClient v2, OssEmulator emulator) {
    assertThat(emulator).isSameAs(classServer);
    assertThat(info.endpoint()).isEqualTo(emulator.endpoint());
    assertThat(info.accessKeyId()).isEqualTo("test-access-key");

    ServerSideEncryptionConfiguration rule = new ServerSideEncryptionConfiguration();
    rule.setApplyServerSideEncryptionByDefault(new ServerSideEncryptionByDefault(SSEAlgorithm.SM4));
    v3.setBucketEncryption(new SetBucketEncryptionRequest("examplebucket", rule));

    String seenByV2 =
        v2.getBucketEncryption(
                GetBucketEncryptionRequest.newBuilder().bucket("examplebucket").build())
            .serverSideEncryptionRule()
            .applyServerSideEncryptionByDefault()
            .sSEAlgorithm();
    assertThat(seenByV2).isEqualTo("SM4");
    assertThat(emulator.requests())
        .extracting(entry -> entry.operation() + " " + entry.auth())
        .containsExactly("PutBucketEncryption V1", "GetBucketEncryption V4");
  }

  @Test
  @Order(2)
  void resetsTheServerBeforeEachTest(OSS v3) {
    assertThat(v3.doesBucketExist("examplebucket")).isTrue();
    assertThat(
            org.assertj.core.api.Assertions.catchThrowableOfType(
                    com.aliyun.oss.OSSException.class,
                    () -> v3.getBucketEncryption("examplebucket"))
                .getErrorCode())
        .isEqualTo("NoSuchServerSideEncryptionRule");
  }
}
