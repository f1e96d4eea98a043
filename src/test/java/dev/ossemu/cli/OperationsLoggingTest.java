package dev.ossemu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The start banner, the optional access log, and a data directory the emulator refuses. */
class OperationsLoggingTest {
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private Main.Started started;

  private Main.Started start(String... args) {
    started =
        Main.start(
            args,
            Map.of(),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return started;
  }

  private void capture(String logger) {
    capture(logger, ch.qos.logback.classic.Level.INFO);
  }

  private void capture(String logger, ch.qos.logback.classic.Level level) {
    Logger target = (Logger) LoggerFactory.getLogger(logger);
    target.setLevel(level);
    // Captured, not printed: the build output stays quiet.
    target.setAdditive(false);
    target.addAppender(events);
    events.start();
  }

  @AfterEach
  void stop() {
    if (started != null && started.emulator() != null) {
      started.emulator().close();
    }
    for (String name : new String[] {"dev.ossemu.access", Main.class.getName()}) {
      Logger logger = (Logger) LoggerFactory.getLogger(name);
      logger.detachAppender(events);
      logger.setAdditive(true);
      logger.setLevel(null);
    }
  }

  @Test
  void logsNothingAtInfoOnStartSinceTheReadyLineSaysIt() {
    capture(Main.class.getName());
    start("--port", "0");
    assertThat(events.list).isEmpty();
  }

  @Test
  void logsABannerAtDebugWithAccessKeyIdsButNoSecrets() {
    capture(Main.class.getName(), ch.qos.logback.classic.Level.DEBUG);
    start("--port", "0", "--account", "banner-key:banner-secret");
    assertThat(events.list).hasSize(1);
    String banner = events.list.get(0).getFormattedMessage();
    assertThat(banner)
        .contains(started.emulator().endpoint())
        .contains("banner-key")
        .contains("in memory")
        .doesNotContain("banner-secret");
  }

  @Test
  void writesOneAccessLogLinePerRequestOnlyWhenAsked() throws Exception {
    capture("dev.ossemu.access");
    start("--port", "0");
    get(started.emulator().endpoint() + "/");
    assertThat(events.list).isEmpty();
    started.emulator().close();

    start("--port", "0", "--access-log");
    get(started.emulator().endpoint() + "/nosuchbucket/?encryption");
    assertThat(events.list).hasSize(1);
    assertThat(events.list.get(0).getFormattedMessage())
        .matches("127\\.0\\.0\\.1:\\d+ - - \\[.*")
        .contains("\"GET /nosuchbucket/?encryption HTTP/1.1\" 404");
  }

  @Test
  void refusesAForeignDataDirectoryNamingIt(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "not ours");
    assertThat(start("--port", "0", "--data-dir", dir.toString()).exitStatus()).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(dir.toString())
        .contains("not an oss-emulator data directory");
  }

  private static void get(String url) throws Exception {
    HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.discarding());
  }
}
