package dev.ossemu.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measured, in the long profile ({@code mvn -B test -Plong -Dtest=ConnectionFloodTest}): 10,000
 * idle and 2,000 slowloris connections (one byte of an unfinished head every two seconds) against
 * an emulator in its own JVM, so that each process needs only its own share of file descriptors
 * ({@code ulimit -n} of 30,000 or more). With all of them open a new client is served within a
 * second, and all of them are closed once the timeouts are over.
 */
@EnabledIfSystemProperty(named = "oss.long", matches = "true")
class ConnectionFloodTest {
  private static final int IDLE = 10_000;
  private static final int SLOWLORIS = 2_000;
  private static final int TIMEOUT_SECONDS = 45;
  private static final Pattern LISTENING =
      Pattern.compile("oss-emulator listening on http://127\\.0\\.0\\.1:(\\d+) .*");

  @Test
  void aNewClientIsServedWithin1sAndAllAreClosedAfterTheTimeouts() throws Exception {
    Process server = startServer();
    List<SocketChannel> idle = new ArrayList<>();
    List<SocketChannel> slow = new ArrayList<>();
    try (Selector selector = Selector.open()) {
      int port = port(server);
      long opening = System.nanoTime();
      for (int i = 0; i < IDLE + SLOWLORIS; i++) {
        SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
        (i < IDLE ? idle : slow).add(channel);
      }
      for (SocketChannel channel : slow) {
        channel.write(ascii("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "));
      }
      System.out.printf(
          "flood: %d connections open after %d ms%n",
          IDLE + SLOWLORIS, (System.nanoTime() - opening) / 1_000_000);

      long worst = 0;
      for (int probe = 0; probe < 5; probe++) {
        worst = Math.max(worst, probeMillis(port));
        dripSlowloris(slow);
        Thread.sleep(1000);
      }
      System.out.printf("flood: a new client answered in at most %d ms of 5 probes%n", worst);
      assertThat(worst).isLessThan(1000);

      for (SocketChannel channel : idle) {
        channel.configureBlocking(false);
        channel.register(selector, SelectionKey.OP_READ);
      }
      for (SocketChannel channel : slow) {
        channel.configureBlocking(false);
        channel.register(selector, SelectionKey.OP_READ);
      }
      long waiting = System.nanoTime();
      int closed = awaitClosed(selector, slow, IDLE + SLOWLORIS, (TIMEOUT_SECONDS + 30) * 1000L);
      long closedMillis = (System.nanoTime() - waiting) / 1_000_000;
      System.out.printf(
          "flood: %d of %d closed by the emulator %d ms after the probes%n",
          closed, IDLE + SLOWLORIS, closedMillis);
      assertThat(closed).isEqualTo(IDLE + SLOWLORIS);
    } finally {
      for (SocketChannel channel : idle) {
        channel.close();
      }
      for (SocketChannel channel : slow) {
        channel.close();
      }
      server.destroy();
      server.waitFor(5, TimeUnit.SECONDS);
      server.destroyForcibly();
    }
  }

  private static Process startServer() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            "dev.ossemu.cli.Main",
            "--port=0",
            "--idle-timeout=" + TIMEOUT_SECONDS,
            "--request-timeout=" + TIMEOUT_SECONDS,
            "--max-connections=20000",
            "--log-level=WARN")
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private static int port(Process server) throws Exception {
    BufferedReader stdout =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    String line =
        CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return stdout.readLine();
                  } catch (IOException e) {
                    return null;
                  }
                })
            .get(30, TimeUnit.SECONDS);
    Matcher matcher = LISTENING.matcher(String.valueOf(line));
    assertThat(matcher.matches()).as(line).isTrue();
    return Integer.parseInt(matcher.group(1));
  }

  private static long probeMillis(int port) throws IOException {
    long start = System.nanoTime();
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5000);
      socket
          .getOutputStream()
          .write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      byte[] status = socket.getInputStream().readNBytes(12);
      assertThat(new String(status, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 403");
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static void dripSlowloris(List<SocketChannel> slow) throws IOException {
    for (SocketChannel channel : slow) {
      channel.write(ascii("a"));
    }
  }

  /** Counts connections the server closed (EOF or reset), reading what it sends, up to a limit. */
  private static int awaitClosed(
      Selector selector, List<SocketChannel> slow, int expected, long limitMillis)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(4096);
    int closed = 0;
    long deadline = System.nanoTime() + limitMillis * 1_000_000;
    long nextDrip = System.nanoTime();
    while (closed < expected && System.nanoTime() < deadline) {
      if (System.nanoTime() >= nextDrip) {
        // Keep dripping: a slowloris client never lets its connection idle.
        for (SocketChannel channel : slow) {
          if (channel.isOpen()) {
            try {
              channel.write(ascii("a"));
            } catch (IOException gone) {
              // closed by the server meanwhile; counted when its key reports it
            }
          }
        }
        nextDrip = System.nanoTime() + 2_000_000_000L;
      }
      selector.select(200);
      Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
      while (keys.hasNext()) {
        SelectionKey key = keys.next();
        keys.remove();
        SocketChannel channel = (SocketChannel) key.channel();
        int n;
        try {
          buffer.clear();
          n = channel.read(buffer);
        } catch (IOException reset) {
          n = -1;
        }
        if (n < 0) {
          key.cancel();
          channel.close();
          closed++;
        }
      }
    }
    return closed;
  }

  private static ByteBuffer ascii(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
  }
}
