package dev.ossemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.bucket.SseAlgorithm;
import dev.ossemu.testing.WireClient;
import java.io.UncheckedIOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding API: builder defaults, lifecycle, reset and independence of instances. */
class OssEmulatorTest {
  private static int status(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** Anonymous HEAD: 403 when the bucket exists (someone else's), 404 when it does not. */
  private static int head(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void startsOnAFreeLoopbackPortWithTheDefaultAccount() {
    try (OssEmulator oss = OssEmulator.builder().build().start()) {
      assertThat(oss.port()).isPositive();
      assertThat(oss.endpoint()).isEqualTo("http://127.0.0.1:" + oss.port());
      assertThat(oss.region()).isEqualTo("cn-hangzhou");
      assertThat(oss.accessKeyId()).isEqualTo("test-access-key");
      assertThat(oss.accessKeySecret()).isEqualTo("test-secret-key");
    }
  }

  @Test
  void refusesEndpointAndPortBeforeStartAndAfterClose() {
    OssEmulator oss = OssEmulator.builder().build();
    assertThatThrownBy(oss::port)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("start()");
    assertThatThrownBy(oss::endpoint).isInstanceOf(IllegalStateException.class);
    oss.start();
    oss.close();
    oss.close();
    assertThatThrownBy(oss::port).isInstanceOf(IllegalStateException.class);
  }

  /**
   * The JDK's direct buffers: stored bodies of 8 KiB and more; Netty's own buffers are not here.
   */
  private static long directBytes() {
    return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
        .filter(pool -> pool.getName().equals("direct"))
        .mapToLong(BufferPoolMXBean::getMemoryUsed)
        .sum();
  }

  @Test
  void closeFreesTheBodiesItKeptInMemoryAndCannotBeUndone() {
    int mib = 1 << 20;
    OssEmulator oss =
        OssEmulator.builder().account("close-key", "close-secret").bucket("bodies").build().start();
    WireClient client = new WireClient(oss.port(), "close-key", "close-secret");
    byte[] body = new byte[mib];
    Arrays.fill(body, (byte) 7);
    assertThat(client.send("PUT", "bodies", "one", "", "", Map.of(), body).status()).isEqualTo(200);
    long held = directBytes(); // the body's 16 direct chunks among them (OffHeapBodiesTest)

    oss.close();

    // Freed by close itself: this test still holds the emulator, so no collector could free them.
    // (Other tests' garbage freed meanwhile only lowers the figure further.)
    assertThat(directBytes()).isLessThanOrEqualTo(held - mib);
    assertThatThrownBy(oss::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    oss.close(); // still safe
  }

  @Test
  void freesItsPortOnClose() throws Exception {
    OssEmulator first = OssEmulator.builder().build().start();
    int port = first.port();
    first.close();
    try (OssEmulator second = OssEmulator.builder().port(port).build().start()) {
      assertThat(second.port()).isEqualTo(port);
    }
  }

  @Test
  void refusesABusyPortWithAClearMessage() {
    try (OssEmulator first = OssEmulator.builder().build().start()) {
      OssEmulator second = OssEmulator.builder().port(first.port()).build();
      assertThatThrownBy(second::start)
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("cannot listen on 127.0.0.1:" + first.port());
    }
  }

  @Test
  void resetRestoresTheConfiguredBucketsAndForgetsTheRest() throws Exception {
    EncryptionRule rule = EncryptionRule.of(SseAlgorithm.AES256);
    try (OssEmulator oss = OssEmulator.builder().bucket("examplebucket", rule).build().start()) {
      assertThat(oss.requests()).isEmpty();
      status(oss.endpoint() + "/examplebucket/?encryption");
      assertThat(oss.requests()).hasSize(1);

      assertThat(head(oss.endpoint() + "/examplebucket/")).isEqualTo(403);
      assertThat(head(oss.endpoint() + "/otherbucket/")).isEqualTo(404);

      oss.reset();

      assertThat(oss.requests()).isEmpty();
      assertThat(head(oss.endpoint() + "/examplebucket/")).isEqualTo(403);
      assertThat(oss.faults()).isEmpty();
    }
  }

  @Test
  void twoEmulatorsShareNothing() throws Exception {
    OssEmulator a = OssEmulator.builder().build().start();
    try (OssEmulator b = OssEmulator.builder().region("cn-shanghai").build().start()) {
      assertThat(a.port()).isNotEqualTo(b.port());
      status(a.endpoint() + "/");
      assertThat(a.requests()).hasSize(1);
      assertThat(b.requests()).isEmpty();
      a.close();
      assertThat(status(b.endpoint() + "/")).isEqualTo(403);
    } finally {
      a.close();
    }
  }

  @Test
  void rejectsInvalidOptionsWhenBuilding() {
    assertThatThrownBy(() -> OssEmulator.builder().bucket("Not_Valid"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OssEmulator.builder().account("a", "b").account("a", "c").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OssEmulator.builder().region("CN").build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEmulatorThatFailsToBuildLetsGoOfItsDataDirectoryAndStoresNoBucket(@TempDir Path dir)
      throws Exception {
    // The data directory is opened (and locked) first; a later step of the build that fails must
    // not leave it locked, or the corrected build in the same JVM is refused as "in use".
    assertThatThrownBy(
            () ->
                OssEmulator.builder()
                    .dataDir(dir)
                    .bucket("first-bucket")
                    .bucket("example-bucket", "nobody", null)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown owner account nobody");
    try (var files = Files.walk(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).noneMatch(f -> f.contains("bucket"));
    }

    try (OssEmulator emulator =
        OssEmulator.builder().dataDir(dir).bucket("example-bucket").build().start()) {
      assertThat(emulator.port()).isPositive();
    }
  }
}
