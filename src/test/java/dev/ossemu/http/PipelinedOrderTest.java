package dev.ossemu.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.OssEmulator;
import dev.ossemu.admin.Fault;
import dev.ossemu.testing.RawRequest;
import dev.ossemu.testing.RawResponse;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pipelined requests on one connection get their answers in request order (RFC 9112 §9.3), also
 * when a later one is refused by the body assembler on the event loop while an earlier one is still
 * being answered on a storage thread.
 */
class PipelinedOrderTest {
  private static final Clock CLOCK = Clock.systemUTC();
  @TempDir Path data;
  private OssEmulator emulator;

  @AfterEach
  void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  private OssEmulator start(boolean durable) {
    var builder =
        OssEmulator.builder()
            .port(0)
            .account(
                dev.ossemu.testing.TestService.ACCESS_KEY_ID, dev.ossemu.testing.TestService.SECRET)
            .bucket("ordered");
    if (durable) {
      builder.dataDir(data);
    }
    emulator = builder.build().start();
    return emulator;
  }

  private static byte[] put(String key, String body) {
    return RawRequest.of("PUT", "/ordered/" + key).body(body).signV1(CLOCK).bytes();
  }

  private static byte[] get(String key) {
    return RawRequest.of("GET", "/ordered/" + key).signV1(CLOCK).bytes();
  }

  /** Too large for OSS: refused from the headers alone, before any body byte arrives. */
  private static byte[] oversizedPut() {
    return ("PUT /ordered/huge HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
            + (6L << 30)
            + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void anEarlyRefusalWaitsForTheSlowerAnswerBeforeIt() throws Exception {
    start(true);
    try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(put("first", "first body"));
      assertThat(RawResponse.read(in).status()).isEqualTo(200);
      // The GetObject answer is held back on its way out; the refusal is ready at once.
      emulator.fault(new Fault(null, "GetObject", null, 1, null, null, 400L, null));
      ByteArrayOutputStream pipelined = new ByteArrayOutputStream();
      pipelined.writeBytes(get("first"));
      pipelined.writeBytes(oversizedPut());
      out.write(pipelined.toByteArray());
      out.flush();

      RawResponse answer1 = RawResponse.read(in);
      RawResponse answer2 = RawResponse.read(in);

      assertThat(answer1.status()).isEqualTo(200);
      assertThat(answer1.text()).isEqualTo("first body");
      assertThat(answer2.status()).isEqualTo(400);
      assertThat(answer2.text()).contains("<Code>EntityTooLarge</Code>");
    }
  }

  @Test
  void manyPipelinedWritesAndReadsAnswerInRequestOrder() throws Exception {
    start(true);
    try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
      ByteArrayOutputStream pipelined = new ByteArrayOutputStream();
      int rounds = 40;
      for (int i = 0; i < rounds; i++) {
        pipelined.writeBytes(put("k" + i, "value " + i));
        pipelined.writeBytes(get("k" + i));
        pipelined.writeBytes(get("missing" + i));
      }
      socket.getOutputStream().write(pipelined.toByteArray());
      InputStream in = socket.getInputStream();
      for (int i = 0; i < rounds; i++) {
        assertThat(RawResponse.read(in).status()).as("PUT %d", i).isEqualTo(200);
        RawResponse read = RawResponse.read(in);
        assertThat(read.status()).as("GET %d", i).isEqualTo(200);
        assertThat(read.text()).isEqualTo("value " + i);
        RawResponse missing = RawResponse.read(in);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text()).contains("<Key>missing" + i + "</Key>");
      }
    }
  }

  @Test
  void aDelayedAnswerInMemoryStillLeavesBeforeTheNextOne() throws Exception {
    start(false);
    try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      emulator.fault(new Fault(null, "PutObject", null, 1, null, null, 300L, null));
      ByteArrayOutputStream pipelined = new ByteArrayOutputStream();
      pipelined.writeBytes(put("slow", "slow body"));
      pipelined.writeBytes(get("slow"));
      out.write(pipelined.toByteArray());

      assertThat(RawResponse.read(in).status()).isEqualTo(200);
      RawResponse read = RawResponse.read(in);
      assertThat(read.status()).isEqualTo(200);
      assertThat(read.text()).isEqualTo("slow body");
    }
  }
}
