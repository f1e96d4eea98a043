package dev.ossemu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone jar's SLF4J provider: the standalone configuration without Logback's configurator
 * search, and a user's logback file still read by Logback's initializer.
 */
class StandaloneLogProviderTest {
  @AfterEach
  void clearProperties() {
    System.clearProperty(StandaloneLogProvider.CONFIGURATION_FILE_PROPERTY);
    System.clearProperty(StandaloneLogging.LEVEL_VARIABLE);
  }

  @Test
  void configuresTheStandaloneLoggingWithoutLogbacksInitializer() {
    System.setProperty(StandaloneLogging.LEVEL_VARIABLE, "DEBUG");
    StandaloneLogProvider provider = new StandaloneLogProvider();

    provider.initialize();

    LoggerContext context = (LoggerContext) provider.getLoggerFactory();
    assertThat(context.getName()).isEqualTo("default");
    assertThat(context.isStarted()).isTrue();
    assertThat(context.getMDCAdapter()).isSameAs(provider.getMDCAdapter());
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.DEBUG);
    assertThat(root.getAppender("STDERR").isStarted()).isTrue();
    assertThat(context.getLogger("io.netty").getLevel()).isEqualTo(Level.WARN);
    // Logback's ContextInitializer records each configurator it tries; none ran.
    assertThat(context.getStatusManager().getCopyOfStatusList())
        .extracting(Status::getMessage)
        .noneMatch(message -> message.contains("configurator"));
  }

  @Test
  void aLogbackConfigurationFileIsStillReadByLogback(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("logback.xml");
    Files.writeString(
        file,
        "<configuration><appender name=\"MINE\" class=\"ch.qos.logback.core.helpers.NOPAppender\"/>"
            + "<root level=\"ERROR\"><appender-ref ref=\"MINE\"/></root></configuration>");
    System.setProperty(StandaloneLogProvider.CONFIGURATION_FILE_PROPERTY, file.toString());
    StandaloneLogProvider provider = new StandaloneLogProvider();

    provider.initialize();

    LoggerContext context = (LoggerContext) provider.getLoggerFactory();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.ERROR);
    assertThat(root.getAppender("MINE")).isNotNull();
    assertThat(root.getAppender("STDERR")).isNull();
    assertThat(context.isStarted()).isTrue();
  }
}
