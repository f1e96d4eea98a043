package dev.ossemu.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.model.SSEAlgorithm;
import com.aliyun.oss.model.ServerSideEncryptionByDefault;
import com.aliyun.oss.model.ServerSideEncryptionConfiguration;
import com.aliyun.oss.model.SetBucketEncryptionRequest;
import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.bucket.SseAlgorithm;
import dev.ossemu.testcontainers.OssEmulatorContainer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code OssEmulatorContainer} on a real engine, driven by the official Java SDK. */
class OssEmulatorContainerIT {
  @BeforeEach
  void image() throws Exception {
    Engine.requireImage();
  }

  private static OSS client(OssEmulatorContainer oss) {
    return new OSSClientBuilder()
        .build(oss.getEndpoint(), oss.getAccessKeyId(), oss.getAccessKeySecret());
  }

  @Test
  void createsItsBucketsAndTheSdkPutsAndGetsARule() {
    try (OssEmulatorContainer oss =
        new OssEmulatorContainer(Engine.IMAGE)
            .withBucket("plain-bucket")
            .withBucket("kms-bucket", new EncryptionRule(SseAlgorithm.KMS, "my-key", null))) {
      oss.start();
      OSS client = client(oss);
      try {
        assertThat(client.doesBucketExist("plain-bucket")).isTrue();
        ServerSideEncryptionByDefault seeded =
            client.getBucketEncryption("kms-bucket").getApplyServerSideEncryptionByDefault();
        assertThat(seeded.getSSEAlgorithm()).isEqualTo("KMS");
        assertThat(seeded.getKMSMasterKeyID()).isEqualTo("my-key");

        ServerSideEncryptionByDefault rule = new ServerSideEncryptionByDefault(SSEAlgorithm.AES256);
        ServerSideEncryptionConfiguration config = new ServerSideEncryptionConfiguration();
        config.setApplyServerSideEncryptionByDefault(rule);
        client.setBucketEncryption(new SetBucketEncryptionRequest("plain-bucket", config));
        assertThat(
                client
                    .getBucketEncryption("plain-bucket")
                    .getApplyServerSideEncryptionByDefault()
                    .getSSEAlgorithm())
            .isEqualTo("AES256");
      } finally {
        client.shutdown();
      }
      assertThat(oss.getRegion()).isEqualTo("cn-hangzhou");
      assertThat(oss.getAccessKeyId()).isEqualTo("test-access-key");
    }
  }

  @Test
  void usesTheGivenAccountAndAdminToken() throws Exception {
    try (OssEmulatorContainer oss =
        new OssEmulatorContainer(Engine.IMAGE)
            .withAccount("ci-key", "ci-secret")
            .withRegion("cn-shanghai")
            .withAdminToken("ci-token")
            .withBucket("ci-bucket")) {
      oss.start();
      assertThat(oss.getAccessKeyId()).isEqualTo("ci-key");
      assertThat(oss.getAccessKeySecret()).isEqualTo("ci-secret");
      assertThat(oss.getRegion()).isEqualTo("cn-shanghai");
      assertThat(oss.getAdminToken()).isEqualTo("ci-token");
      OSS client = client(oss);
      OSS stranger =
          new OSSClientBuilder().build(oss.getEndpoint(), "test-access-key", "test-secret-key");
      try {
        assertThat(client.doesBucketExist("ci-bucket")).isTrue();
        assertThatThrownBy(() -> stranger.getBucketInfo("ci-bucket"))
            .isInstanceOf(OSSException.class)
            .extracting(e -> ((OSSException) e).getErrorCode())
            .isEqualTo("InvalidAccessKeyId");
      } finally {
        client.shutdown();
        stranger.shutdown();
      }
      assertThat(admin(oss, "/_emulator/requests", null)).isEqualTo(401);
      assertThat(admin(oss, "/_emulator/requests", "Bearer ci-token")).isEqualTo(200);
    }
  }

  @Test
  void startsFromTheDocumentedConfigurationFile() {
    try (OssEmulatorContainer oss =
        new OssEmulatorContainer(Engine.IMAGE)
            .withConfig(Path.of("docker/oss-emulator.example.yaml"))) {
      oss.start();
      assertThat(oss.getAccessKeyId()).isEqualTo("test-access-key");
      OSS client = client(oss);
      try {
        assertThat(
                client
                    .getBucketEncryption("examplebucket")
                    .getApplyServerSideEncryptionByDefault()
                    .getKMSMasterKeyID())
            .isEqualTo("my-key");
      } finally {
        client.shutdown();
      }
    }
  }

  @Test
  void keepsDataInANamedVolumeAcrossContainers() throws Exception {
    String volume = "oss-emulator-it-" + UUID.randomUUID();
    try {
      try (OssEmulatorContainer first =
          new OssEmulatorContainer(Engine.IMAGE).withDataVolume(volume).withBucket("kept")) {
        first.start();
        OSS client = client(first);
        client.putObject(
            "kept",
            "notes.txt",
            new ByteArrayInputStream("survives".getBytes(StandardCharsets.UTF_8)));
        client.shutdown();
      }
      try (OssEmulatorContainer second =
          new OssEmulatorContainer(Engine.IMAGE).withDataVolume(volume)) {
        second.start();
        OSS client = client(second);
        try {
          String body =
              new String(
                  client.getObject("kept", "notes.txt").getObjectContent().readAllBytes(),
                  StandardCharsets.UTF_8);
          assertThat(body).isEqualTo("survives");
        } finally {
          client.shutdown();
        }
      }
    } finally {
      Engine.docker("volume", "rm", "-f", volume);
    }
  }

  private static int admin(OssEmulatorContainer oss, String path, String authorization)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(oss.getEndpoint() + path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
