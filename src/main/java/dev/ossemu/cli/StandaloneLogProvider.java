package dev.ossemu.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LogbackServiceProvider;
import ch.qos.logback.core.CoreConstants;
import org.slf4j.spi.MDCAdapter;

/**
 * The standalone jar's SLF4J provider (its only {@code SLF4JServiceProvider} service entry):
 * Logback's own, with {@link StandaloneLogging} applied directly instead of through Logback's
 * {@code ContextInitializer}. That initializer searched the class path for configurators, read the
 * jars' versions and recorded its own timings, whose string concatenation alone spun method handles
 * for ~17 ms of every start. The logger context is otherwise set up exactly as Logback's provider
 * does it (name, MDC adapter, started). A {@code -Dlogback.configurationFile} or {@code
 * -Dlogback.statusListenerClass} still goes through Logback's initializer, as before.
 */
public final class StandaloneLogProvider extends LogbackServiceProvider {
  static final String CONFIGURATION_FILE_PROPERTY = "logback.configurationFile";
  static final String STATUS_LISTENER_PROPERTY = "logback.statusListenerClass";

  @Override
  public void initialize() {
    if (System.getProperty(CONFIGURATION_FILE_PROPERTY) != null
        || System.getProperty(STATUS_LISTENER_PROPERTY) != null) {
      super.initialize();
      return;
    }
    LoggerContext context = (LoggerContext) getLoggerFactory();
    context.setName(CoreConstants.DEFAULT_CONTEXT_NAME);
    MDCAdapter mdc = getMDCAdapter();
    context.setMDCAdapter(mdc);
    StandaloneLogging configurator = new StandaloneLogging();
    configurator.setContext(context);
    configurator.configure(context);
    context.start();
  }
}
