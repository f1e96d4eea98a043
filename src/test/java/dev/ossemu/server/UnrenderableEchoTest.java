package dev.ossemu.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ossemu.OssEmulator;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The request that used to get no answer at all: a control character echoed into the error
 * document. Over a real socket, on the event loop (in memory) and on the storage executor ({@code
 * --data-dir}), it is answered with a well-formed error and nothing is logged above DEBUG.
 */
class UnrenderableEchoTest {
  private static final String REQUEST = "GET /%01abc HTTP/1.1\r\nHost: x\r\n\r\n";

  @TempDir Path dir;

  @Test
  void answersInMemory() throws Exception {
    assertAnswered(OssEmulator.builder().build());
  }

  @Test
  void answersWithADataDirectory() throws Exception {
    assertAnswered(OssEmulator.builder().dataDir(dir.resolve("data")).build());
  }

  private static void assertAnswered(OssEmulator emulator) throws Exception {
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    Logger logger = (Logger) LoggerFactory.getLogger("dev.ossemu");
    logger.addAppender(logged);
    try (OssEmulator started = emulator.start();
        Socket socket = new Socket("127.0.0.1", started.port())) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write(REQUEST.getBytes(StandardCharsets.US_ASCII));
      String answer = readError(socket.getInputStream());
      assertThat(answer).startsWith("HTTP/1.1 4").contains("<Code>").doesNotContain("\u0001");
      String document = answer.substring(answer.indexOf("<?xml"));
      assertThat(dev.ossemu.testing.XmlText.isWellFormedXml10(document)).as(document).isTrue();
    } finally {
      logger.detachAppender(logged);
    }
    assertThat(logged.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.INFO));
  }

  /** Reads up to the end of the error document; fails when the server closes or stays silent. */
  private static String readError(InputStream in) throws java.io.IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (!out.toString(StandardCharsets.UTF_8).endsWith("</Error>")) {
      int b = in.read();
      if (b < 0) {
        throw new AssertionError("closed without an answer: " + out);
      }
      out.write(b);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
