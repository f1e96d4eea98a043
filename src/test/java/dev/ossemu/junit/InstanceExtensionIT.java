package dev.ossemu.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.oss.OSS;
import dev.ossemu.OssEmulator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An instance field: every test gets its own server. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstanceExtensionIT {
  @RegisterExtension final OssEmulatorExtension oss = OssEmulatorExtension.builder().build();

  private static OssEmulator firstServer;

  @Test
  @Order(1)
  void firstTestHasItsOwnServer(OSS client) {
    firstServer = oss.emulator();
    client.createBucket("scratch-bucket");
    assertThat(client.doesBucketExist("scratch-bucket")).isTrue();
  }

  @Test
  @Order(2)
  void secondTestHasAnotherAndTheFirstIsStopped(OSS client) {
    assertThat(oss.emulator()).isNotSameAs(firstServer);
    assertThatThrownBy(firstServer::port).isInstanceOf(IllegalStateException.class);
    assertThat(client.doesBucketExist("scratch-bucket")).isFalse();
  }
}
