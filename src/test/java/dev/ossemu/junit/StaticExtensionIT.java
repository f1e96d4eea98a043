package dev.ossemu.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.oss.OSS;
import dev.ossemu.OssEmulator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A static field: one server for the class, reset between tests. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaticExtensionIT {
  @RegisterExtension
  static final OssEmulatorExtension OSS_EMULATOR =
      OssEmulatorExtension.builder().bucket("examplebucket").build();

  private static OssEmulator firstServer;

  @Test
  @Order(1)
  void firstTestCreatesABucket(OSS client, OssEmulatorInfo info) {
    firstServer = OSS_EMULATOR.emulator();
    assertThat(info.endpoint()).isEqualTo(OSS_EMULATOR.endpoint());
    client.createBucket("scratch-bucket");
    assertThat(client.doesBucketExist("scratch-bucket")).isTrue();
  }

  @Test
  @Order(2)
  void secondTestSeesTheSameServerResetToItsStartState(OSS client) {
    assertThat(OSS_EMULATOR.emulator()).isSameAs(firstServer);
    assertThat(client.doesBucketExist("scratch-bucket")).isFalse();
    assertThat(client.doesBucketExist("examplebucket")).isTrue();
  }
}
