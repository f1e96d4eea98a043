package dev.ossemu.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ossemu.OssEmulator;
import dev.ossemu.admin.Fault;
import dev.ossemu.http.ConnectionLimit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The idle and request timeouts and the connection bound, over real sockets with short values: idle
 * and slow clients are closed on time, a slow answer of the emulator's own is not cut, and a
 * connection beyond the bound gets 503 SlowDown while the others keep being served.
 */
class ConnectionBoundsTest {
  private static final Duration SHORT = Duration.ofMillis(500);
  private static final String GET = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

  private final List<Socket> sockets = new ArrayList<>();
  private OssEmulator emulator;

  @AfterEach
  void close() throws IOException {
    for (Socket socket : sockets) {
      socket.close();
    }
    if (emulator != null) {
      emulator.close();
    }
  }

  private void start(Duration idle, Duration request, int maxConnections) {
    emulator =
        OssEmulator.builder()
            .idleTimeout(idle)
            .requestTimeout(request)
            .maxConnections(maxConnections)
            .build()
            .start();
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", emulator.port());
    socket.setSoTimeout(5000);
    sockets.add(socket);
    return socket;
  }

  private static void send(Socket socket, String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
  }

  /** Everything the server sends until it closes; fails when it does not close within 5 s. */
  private static String readUntilClosed(Socket socket) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      out.write(buffer, 0, n);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** One response head and body (Content-Length framed), leaving the connection open. */
  private static String readResponse(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (!out.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed after " + out);
      }
      out.write(b);
    }
    String head = out.toString(StandardCharsets.US_ASCII);
    int length =
        Integer.parseInt(
            head.lines()
                .filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                .findFirst()
                .orElseThrow()
                .substring("content-length:".length())
                .trim());
    return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  @Test
  void closesAnIdleConnectionSilentlyAfterTheIdleTimeout() throws Exception {
    start(SHORT, Duration.ofSeconds(10), 0);
    Socket socket = connect();
    long start = System.nanoTime();
    assertThat(readUntilClosed(socket)).isEmpty();
    assertThat(millisSince(start)).isBetween(400L, 2500L);
  }

  @Test
  void startsTheIdleClockAgainAfterEachAnswer() throws Exception {
    start(SHORT, Duration.ofSeconds(10), 0);
    Socket socket = connect();
    for (int i = 0; i < 3; i++) {
      Thread.sleep(300); // each pause is shorter than the timeout, together they are longer
      send(socket, GET);
      assertThat(readResponse(socket)).startsWith("HTTP/1.1 403");
    }
    long start = System.nanoTime();
    assertThat(readUntilClosed(socket)).isEmpty();
    assertThat(millisSince(start)).isBetween(400L, 2500L);
  }

  @Test
  void cutsASlowlorisHeadWithRequestTimeout() throws Exception {
    start(Duration.ofSeconds(10), SHORT, 0);
    Socket socket = connect();
    long start = System.nanoTime();
    String head = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
    String answer = null;
    for (int i = 0; i < 50 && answer == null; i++) {
      // One byte every 100 ms: never idle for long, yet the head never completes.
      try {
        send(socket, i < head.length() ? head.substring(i, i + 1) : "a");
      } catch (IOException closed) {
        answer = readUntilClosed(socket);
      }
      Thread.sleep(100);
      if (answer == null && socket.getInputStream().available() > 0) {
        answer = readUntilClosed(socket);
      }
    }
    assertThat(answer).startsWith("HTTP/1.1 400").contains("<Code>RequestTimeout</Code>");
    assertThat(answer).containsIgnoringCase("Connection: close");
    assertThat(millisSince(start)).isBetween(400L, 3000L);
  }

  @Test
  void cutsABodyThatStopsWithRequestTimeout() throws Exception {
    start(Duration.ofSeconds(10), SHORT, 0);
    Socket socket = connect();
    send(socket, "PUT /bucket/key HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n\r\nabc");
    long start = System.nanoTime();
    String answer = readUntilClosed(socket);
    assertThat(answer).startsWith("HTTP/1.1 400").contains("<Code>RequestTimeout</Code>");
    assertThat(millisSince(start)).isBetween(400L, 2500L);
  }

  @Test
  void neverCutsWhileTheEmulatorIsStillAnswering() throws Exception {
    start(SHORT, SHORT, 0);
    emulator.fault(new Fault(null, "ListBuckets", null, 1, null, null, 1500L, null));
    Socket socket = connect();
    send(socket, GET);
    long start = System.nanoTime();
    assertThat(readResponse(socket)).startsWith("HTTP/1.1 403");
    assertThat(millisSince(start)).isGreaterThanOrEqualTo(1400L);
  }

  @Test
  void zeroTurnsTheIdleTimeoutOff() throws Exception {
    start(Duration.ZERO, SHORT, 0);
    Socket socket = connect();
    socket.setSoTimeout(1500);
    try {
      assertThat(socket.getInputStream().read()).as("closed").isNotNegative();
    } catch (SocketTimeoutException stillOpen) {
      // expected: nothing came and nothing closed
    }
    send(socket, GET);
    assertThat(readResponse(socket)).startsWith("HTTP/1.1 403");
  }

  @Test
  void answersConnectionsBeyondTheBoundWithSlowDownAndKeepsServingTheOthers() throws Exception {
    ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    warnings.start();
    Logger logger = (Logger) LoggerFactory.getLogger(ConnectionLimit.class);
    logger.addAppender(warnings);
    logger.setAdditive(false);
    try {
      start(Duration.ofSeconds(10), Duration.ofSeconds(10), 2);
      Socket first = connect();
      Socket second = connect();
      send(first, GET);
      assertThat(readResponse(first)).startsWith("HTTP/1.1 403");
      // Answered, so counted: a connection is counted on its own event loop once registered, and a
      // later one registered sooner on another loop would take the place (and this one the 503).
      send(second, GET);
      assertThat(readResponse(second)).startsWith("HTTP/1.1 403");

      for (int i = 0; i < 3; i++) {
        Socket refused = connect();
        send(refused, GET);
        String answer = readUntilClosed(refused);
        assertThat(answer).startsWith("HTTP/1.1 503").contains("<Code>SlowDown</Code>");
        assertThat(answer).containsIgnoringCase("Connection: close");
      }
      send(second, GET);
      assertThat(readResponse(second)).startsWith("HTTP/1.1 403");
      send(first, GET);
      assertThat(readResponse(first)).startsWith("HTTP/1.1 403");
      assertThat(warnings.list).hasSize(1);
      assertThat(warnings.list.get(0).getFormattedMessage()).contains("2 connections");

      first.close();
      boolean served = false;
      for (int attempt = 0; attempt < 50 && !served; attempt++) {
        // The close reaches the server a moment later.
        Socket candidate = connect();
        send(candidate, GET);
        served = readResponse(candidate).startsWith("HTTP/1.1 403");
        Thread.sleep(20);
      }
      assertThat(served).as("a freed place goes to a new connection").isTrue();
    } finally {
      logger.detachAppender(warnings);
      logger.setAdditive(true);
    }
  }
}
