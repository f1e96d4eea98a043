package dev.ossemu.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ossemu.OssEmulator;
import dev.ossemu.blob.Crc64;
import dev.ossemu.testing.RawRequest;
import dev.ossemu.testing.RawResponse;
import dev.ossemu.testing.TestService;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import io.netty.util.internal.PlatformDependent;
import java.io.InputStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Object bodies stream out as the client reads them: a client that stops reading holds a few socket
 * buffers of direct memory, not a copy of the object. Measured on a real socket, in both stores.
 */
class StreamedBodiesTest {
  private static final Clock CLOCK = Clock.systemUTC();
  private static final int OBJECT_BYTES = 40 << 20;
  private static final int STALLED_CLIENTS = 4;

  @TempDir Path data;
  private OssEmulator emulator;
  private final List<Socket> sockets = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (Socket socket : sockets) {
      socket.close();
    }
    if (emulator != null) {
      emulator.close();
    }
  }

  private void start(boolean durable) {
    var builder =
        OssEmulator.builder()
            .port(0)
            .account(TestService.ACCESS_KEY_ID, TestService.SECRET)
            .maxStorageBytes(256L << 20)
            .bucket("streams");
    if (durable) {
      builder.dataDir(data);
    }
    emulator = builder.build().start();
  }

  /** Direct memory in use: JDK buffers (NIO's temporary copies included) and Netty's own. */
  private static long directBytes() {
    long jdk = 0;
    for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
      if (pool.getName().equals("direct")) {
        jdk += pool.getMemoryUsed();
      }
    }
    long netty = Math.max(0, PlatformDependent.usedDirectMemory());
    if (ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider provider) {
      netty = Math.max(netty, provider.metric().usedDirectMemory());
    }
    return jdk + netty;
  }

  private Socket connect(int receiveBuffer) throws Exception {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(receiveBuffer);
    socket.connect(new InetSocketAddress("127.0.0.1", emulator.port()));
    sockets.add(socket);
    return socket;
  }

  private byte[] upload() throws Exception {
    byte[] body = new byte[OBJECT_BYTES];
    new Random(13).nextBytes(body);
    Socket socket = connect(1 << 16);
    socket
        .getOutputStream()
        .write(RawRequest.of("PUT", "/streams/big.bin").body(body).signV1(CLOCK).bytes());
    RawResponse put = RawResponse.read(socket.getInputStream());
    assertThat(put.status()).as(put.text()).isEqualTo(200);
    return body;
  }

  private static byte[] get(String range) {
    RawRequest request = RawRequest.of("GET", "/streams/big.bin");
    if (range != null) {
      request.header("Range", range);
    }
    return request.signV1(CLOCK).bytes();
  }

  private void stalledClientsHoldLittleDirectMemory() throws Exception {
    byte[] body = upload();
    long before = directBytes();
    List<Socket> stalled = new ArrayList<>();
    for (int i = 0; i < STALLED_CLIENTS; i++) {
      Socket socket = connect(8192);
      socket.getOutputStream().write(get(null));
      stalled.add(socket);
    }
    Thread.sleep(1500); // long enough for a whole-body copy to be made, were one made
    long held = directBytes() - before;

    assertThat(held)
        .as("direct bytes held by %d stalled GETs", STALLED_CLIENTS)
        .isLessThan(OBJECT_BYTES / 2);
    for (Socket socket : stalled) {
      RawResponse response = RawResponse.read(socket.getInputStream());
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.body()).isEqualTo(body);
      assertThat(response.headers().get("x-oss-hash-crc64ecma"))
          .isEqualTo(crc(body, 0, OBJECT_BYTES));
    }
  }

  private static String crc(byte[] bytes, int from, int to) {
    Crc64 crc = new Crc64();
    crc.update(bytes, from, to - from);
    return crc.value();
  }

  @Test
  void stalledReadersOfAnObjectInMemoryHoldNoCopyOfIt() throws Exception {
    start(false);
    stalledClientsHoldLittleDirectMemory();
  }

  @Test
  void stalledReadersOfAnObjectOnDiskHoldNoCopyOfIt() throws Exception {
    start(true);
    stalledClientsHoldLittleDirectMemory();
  }

  @Test
  void rangesStreamTheirBytesFromMemoryAndDisk() throws Exception {
    for (boolean durable : new boolean[] {false, true}) {
      start(durable);
      byte[] body = upload();
      Socket socket = connect(1 << 16);
      InputStream in = socket.getInputStream();
      int[][] ranges = {
        {0, 0}, {65_535, 65_536}, {1_000_000, 9_999_999}, {OBJECT_BYTES - 3, OBJECT_BYTES - 1}
      };
      for (int[] range : ranges) {
        socket.getOutputStream().write(get("bytes=" + range[0] + "-" + range[1]));
        RawResponse response = RawResponse.read(in);
        assertThat(response.status()).isEqualTo(206);
        byte[] expected = java.util.Arrays.copyOfRange(body, range[0], range[1] + 1);
        assertThat(response.body()).isEqualTo(expected);
      }
      emulator.close();
      emulator = null;
    }
  }

  @Test
  void aClientThatGoesAwayMidBodyIsClosedAndLoggedAtDebug() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(ResponseWriter.class);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    Level level = logger.getLevel();
    logger.setLevel(Level.DEBUG);
    logger.setAdditive(false); // captured, not printed: the build stays quiet
    logger.addAppender(events);
    try {
      start(false);
      upload();
      Socket socket = connect(8192);
      socket.getOutputStream().write(get(null));
      socket.getInputStream().readNBytes(1000);
      socket.setSoLinger(true, 0);
      socket.close(); // a reset mid-body: the server's next writes fail
      long deadline = System.currentTimeMillis() + 5000;
      while (events.list.isEmpty() && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      assertThat(events.list).isNotEmpty();
      ILoggingEvent event = events.list.get(0);
      assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
      assertThat(event.getFormattedMessage()).contains("not sent, closing");

      // The emulator serves the next client as before.
      Socket next = connect(1 << 16);
      next.getOutputStream().write(get("bytes=0-9"));
      assertThat(RawResponse.read(next.getInputStream()).body()).hasSize(10);
    } finally {
      logger.detachAppender(events);
      logger.setAdditive(true);
      logger.setLevel(level);
    }
  }

  @Test
  void aStreamedBodyOfNothingEndsAtOnce() throws Exception {
    start(false);
    Socket socket = connect(1 << 16);
    InputStream in = socket.getInputStream();
    socket.getOutputStream().write(RawRequest.of("PUT", "/streams/empty").signV1(CLOCK).bytes());
    assertThat(RawResponse.read(in).status()).isEqualTo(200);
    socket.getOutputStream().write(RawRequest.of("GET", "/streams/empty").signV1(CLOCK).bytes());
    RawResponse empty = RawResponse.read(in);
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.headers().get("content-length")).isEqualTo("0");
    // The connection is in step: the next answer is the next request's.
    socket.getOutputStream().write(RawRequest.of("GET", "/streams/other").signV1(CLOCK).bytes());
    RawResponse missing = RawResponse.read(in);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(new String(missing.body(), StandardCharsets.UTF_8)).contains("<Key>other</Key>");
  }
}
