package dev.ossemu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.status.InfoStatus;
import ch.qos.logback.core.status.StatusUtil;
import ch.qos.logback.core.status.WarnStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The standalone logging: nothing parsed at start, the pattern's bytes exactly, Logback's warnings
 * on stderr.
 */
class StandaloneLoggingTest {
  private final LoggerContext context = new LoggerContext();

  @Test
  void theStandaloneConfigurationParsesNoPatternBeforeTheFirstEvent() {
    new StandaloneLogging().configure(context);

    OutputStreamAppender<ILoggingEvent> stderr =
        (OutputStreamAppender<ILoggingEvent>)
            context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
    assertThat(stderr.isStarted()).isTrue();
    assertThat(stderr.getEncoder()).isInstanceOf(DeferredPatternEncoder.class);
    assertThat(((DeferredPatternEncoder) stderr.getEncoder()).built()).isFalse();
  }

  @Test
  void encodesAsThePatternLayoutEncoderDoes() {
    DeferredPatternEncoder deferred = new DeferredPatternEncoder(StandaloneLogging.PATTERN);
    deferred.setContext(context);
    deferred.start();
    PatternLayoutEncoder eager = new PatternLayoutEncoder();
    eager.setContext(context);
    eager.setPattern(StandaloneLogging.PATTERN);
    eager.start();
    Logger logger = context.getLogger("dev.ossemu.http.OssHttpHandler");
    ILoggingEvent plain =
        new LoggingEvent("x", logger, Level.WARN, "answered {}", null, new Object[] {503});
    ILoggingEvent failure =
        new LoggingEvent(
            "x", logger, Level.ERROR, "failed", new IllegalStateException("boom"), null);

    assertThat(deferred.headerBytes()).isNull();
    assertThat(eager.headerBytes()).isEmpty();
    assertThat(new String(deferred.encode(plain))).isEqualTo(new String(eager.encode(plain)));
    assertThat(new String(deferred.encode(failure))).isEqualTo(new String(eager.encode(failure)));
    assertThat(new String(deferred.encode(plain)))
        .endsWith("WARN  d.o.http.OssHttpHandler - answered 503" + System.lineSeparator());
    assertThat(deferred.built()).isTrue();
  }

  @Test
  void logbacksOwnWarningsGoToStderrAsTheyHappenAndItsInfoNowhere() {
    new StandaloneLogging().configure(context);
    assertThat(StatusUtil.contextHasStatusListener(context)).isTrue(); // no StatusPrinter at start

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    StatusWarnings warnings =
        new StatusWarnings(new PrintStream(err, true, StandardCharsets.UTF_8));
    warnings.addStatusEvent(new InfoStatus("configured", this));
    assertThat(err.size()).isZero();
    warnings.addStatusEvent(new WarnStatus("cannot write", this));
    assertThat(err.toString(StandardCharsets.UTF_8))
        .matches("(?s)\\d\\d:\\d\\d:\\d\\d,\\d{3} \\|-WARN in .* - cannot write\\R");
  }
}
