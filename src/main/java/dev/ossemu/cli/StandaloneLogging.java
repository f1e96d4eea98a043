package dev.ossemu.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The standalone jar's logging, configured in code: stderr, {@code HH:mm:ss.SSS LEVEL logger -
 * message}, Netty at WARN, the root at {@code OSS_EMULATOR_LOG_LEVEL} (system property, then
 * environment; {@code --log-level} sets the property) or INFO. Parsing a logback.xml took a third
 * of a second and some 900 classes at every start; the pattern itself is parsed on the first event
 * ({@link DeferredPatternEncoder}). The standalone jar's SLF4J provider ({@link
 * StandaloneLogProvider}) applies it directly; Logback's own initializer finds it through the
 * ServiceLoader entry that only the standalone jar carries. A {@code -Dlogback.configurationFile}
 * still wins.
 */
public final class StandaloneLogging extends ContextAwareBase implements Configurator {
  static final String LEVEL_VARIABLE = "OSS_EMULATOR_LOG_LEVEL";
  static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY; // the user's own file, read by Logback's Joran
    }
    context.getStatusManager().add(new StatusWarnings(System.err));
    DeferredPatternEncoder encoder = new DeferredPatternEncoder(PATTERN);
    encoder.setContext(context);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(level());
    root.addAppender(stderr);
    context.getLogger("io.netty").setLevel(Level.WARN);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  static Level level() {
    String value = System.getProperty(LEVEL_VARIABLE);
    if (value == null) {
      value = System.getenv(LEVEL_VARIABLE);
    }
    return Level.toLevel(value, Level.INFO);
  }
}
