package com.example.readme;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.SSEAlgorithm;
import com.aliyun.oss.model.ServerSideEncryptionByDefault;
import com.aliyun.oss.model.ServerSideEncryptionConfiguration;
import com.aliyun.oss.model.SetBucketEncryptionRequest;
import dev.ossemu.admin.Fault;
import dev.ossemu.junit.OssEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

// The README's "Use in JUnit 5 tests" example, kept compiling and passing here.
class EncryptionDefaultsIT {
  @RegisterExtension
  static OssEmulatorExtension oss = OssEmulatorExtension.builder().bucket("examplebucket").build();

  @Test
  void storesTheBucketRule(OSS client) {
    ServerSideEncryptionConfiguration config = new ServerSideEncryptionConfiguration();
    config.setApplyServerSideEncryptionByDefault(
        new ServerSideEncryptionByDefault(SSEAlgorithm.KMS).withKMSMasterKeyID("my-key"));
    client.setBucketEncryption(new SetBucketEncryptionRequest("examplebucket", config));

    assertThat(
            client
                .getBucketEncryption("examplebucket")
                .getApplyServerSideEncryptionByDefault()
                .getKMSMasterKeyID())
        .isEqualTo("my-key");
  }

  @Test
  void survivesOneServiceHiccup(OSS client) {
    oss.emulator().fault(Fault.once("GetBucketInfo", 503, "ServiceUnavailable"));

    assertThat(client.getBucketInfo("examplebucket").getBucket().getName())
        .isEqualTo("examplebucket");
    assertThat(oss.emulator().requests()).hasSize(2); // the 503, then the SDK's retry
  }
}
