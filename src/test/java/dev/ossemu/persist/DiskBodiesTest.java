package dev.ossemu.persist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.OssEmulator;
import dev.ossemu.blob.Crc64;
import dev.ossemu.testing.RawRequest;
import dev.ossemu.testing.RawResponse;
import dev.ossemu.testing.TestService;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code --data-dir} bodies live on disk only: an upload streams into its data file, the store
 * keeps no copy in memory, a GET reads the file, and {@code --max-storage} bounds the disk.
 */
class DiskBodiesTest {
  private static final Clock CLOCK = Clock.systemUTC();
  private static final int OBJECT_BYTES = 64 << 20;

  @TempDir Path data;
  private OssEmulator emulator;

  @AfterEach
  void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  private void start(long maxStorage) {
    emulator =
        OssEmulator.builder()
            .port(0)
            .account(TestService.ACCESS_KEY_ID, TestService.SECRET)
            .maxStorageBytes(maxStorage)
            .dataDir(data)
            .bucket("disk")
            .build()
            .start();
  }

  private static long heapAfterGc() throws InterruptedException {
    Runtime runtime = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
      used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
    }
    return used;
  }

  private RawResponse send(byte[] request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      return RawResponse.read(socket.getInputStream());
    }
  }

  private long filesUnder(String directory) throws Exception {
    Path root = data.resolve(directory);
    if (!Files.exists(root)) {
      return 0;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).count();
    }
  }

  @Test
  void aStoredBodyIsOnDiskAndNotInTheHeap() throws Exception {
    start(256L << 20);
    byte[] body = new byte[OBJECT_BYTES];
    new Random(4).nextBytes(body);
    byte[] put = RawRequest.of("PUT", "/disk/big.bin").body(body).signV1(CLOCK).bytes();
    Crc64 crc = new Crc64();
    crc.update(body, 0, body.length);
    body = null; // only the request bytes remain, and they go next
    long before = heapAfterGc();
    RawResponse stored = send(put);
    put = null;
    long held = heapAfterGc() - before;

    assertThat(stored.status()).as(stored.text()).isEqualTo(200);
    assertThat(held)
        .as("heap held after storing a %d-byte body", OBJECT_BYTES)
        .isLessThan(OBJECT_BYTES / 4);
    try (Stream<Path> files = Files.list(data.resolve("objects").resolve("disk"))) {
      assertThat(files.filter(p -> p.toString().endsWith(".data")).map(DiskBodiesTest::size))
          .containsExactly((long) OBJECT_BYTES);
    }
    assertThat(filesUnder("incoming")).as("nothing left staged").isZero();

    RawResponse read = send(RawRequest.of("GET", "/disk/big.bin").signV1(CLOCK).bytes());
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body()).hasSize(OBJECT_BYTES);
    Crc64 readCrc = new Crc64();
    readCrc.update(read.body(), 0, OBJECT_BYTES);
    assertThat(readCrc.getValue()).isEqualTo(crc.getValue());
    assertThat(read.headers().get("x-oss-hash-crc64ecma")).isEqualTo(crc.value());
  }

  @Test
  void aBodyLoadedAtStartIsReadFromItsFile() throws Exception {
    start(16L << 20);
    String text = "kept on disk ".repeat(10_000);
    assertThat(send(RawRequest.of("PUT", "/disk/kept").body(text).signV1(CLOCK).bytes()).status())
        .isEqualTo(200);
    emulator.close();
    start(16L << 20);

    RawResponse range =
        send(
            RawRequest.of("GET", "/disk/kept")
                .header("Range", "bytes=13-24")
                .signV1(CLOCK)
                .bytes());
    assertThat(range.status()).isEqualTo(206);
    assertThat(new String(range.body(), StandardCharsets.UTF_8)).isEqualTo("kept on disk");
  }

  @Test
  void theStorageBoundCountsBytesOnDiskAndARefusedUploadLeavesNoFile() throws Exception {
    start(1 << 20);
    byte[] fits = new byte[600 << 10];
    assertThat(send(RawRequest.of("PUT", "/disk/a").body(fits).signV1(CLOCK).bytes()).status())
        .isEqualTo(200);

    RawResponse refused = send(RawRequest.of("PUT", "/disk/b").body(fits).signV1(CLOCK).bytes());

    assertThat(refused.status()).isEqualTo(507);
    assertThat(refused.text()).contains("<Code>InsufficientStorage</Code>");
    Thread.sleep(200); // the refused upload's file is removed on its storage thread
    assertThat(filesUnder("incoming")).isZero();
    assertThat(send(RawRequest.of("DELETE", "/disk/a").signV1(CLOCK).bytes()).status())
        .isEqualTo(204);
    assertThat(send(RawRequest.of("PUT", "/disk/b").body(fits).signV1(CLOCK).bytes()).status())
        .as("the space of a deleted object comes back")
        .isEqualTo(200);
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
