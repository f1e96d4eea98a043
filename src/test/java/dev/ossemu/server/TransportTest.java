package dev.ossemu.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class TransportTest {
  @AfterEach
  void clearProperty() {
    System.clearProperty(Transport.PROPERTY);
  }

  @Test
  void nioIsAlwaysAvailable() {
    assertThat(Transport.NIO.available()).isTrue();
  }

  @Test
  void choosesEpollWhenItLoadsAndNioOtherwiseNeverIoUringUnforced() {
    Transport chosen = Transport.choose();
    assertThat(chosen).isEqualTo(Transport.EPOLL.available() ? Transport.EPOLL : Transport.NIO);
  }

  @Test
  @EnabledOnOs(value = OS.LINUX, architectures = "amd64")
  void linuxOnX8664LoadsEpollByDefault() {
    // The pom ships the linux-x86_64 native jars: NIO here means they failed to load.
    assertThat(Transport.choose()).isEqualTo(Transport.EPOLL);
  }

  @Test
  void theSystemPropertyForcesAnAvailableTransport() {
    System.setProperty(Transport.PROPERTY, "nio");
    assertThat(Transport.choose()).isEqualTo(Transport.NIO);
  }

  @Test
  void anUnknownForcedTransportFallsBackToTheBest() {
    System.setProperty(Transport.PROPERTY, "carrier-pigeon");
    System.clearProperty(Transport.PROPERTY);
    Transport best = Transport.choose();
    System.setProperty(Transport.PROPERTY, "carrier-pigeon");
    assertThat(Transport.choose()).isEqualTo(best);
  }

  @Test
  void everyAvailableTransportServesRequests() throws Exception {
    for (Transport transport : Transport.values()) {
      if (!transport.available()) {
        continue;
      }
      System.setProperty(Transport.PROPERTY, transport.id());
      try (var emulator = dev.ossemu.OssEmulator.builder().port(0).build().start()) {
        var connection =
            (java.net.HttpURLConnection)
                java.net.URI.create(emulator.endpoint() + "/").toURL().openConnection();
        // Anonymous ListBuckets: refused, but answered by the OSS chain over this transport.
        assertThat(connection.getResponseCode()).as(transport.id()).isEqualTo(403);
        assertThat(connection.getHeaderField("Server")).isEqualTo("AliyunOSS");
      }
    }
  }
}
