package dev.ossemu.cli;

import dev.ossemu.OssEmulator;
import dev.ossemu.OssEmulatorBuilder;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar oss-emulator-<version>-standalone.jar}: starts the emulator with its embedded
 * defaults, or as the options and environment say, and stops it cleanly on SIGTERM or Ctrl-C.
 */
public final class Main {
  /** Exit status for a bad option or value. */
  static final int EXIT_USAGE = 2;

  /** Exit status when the emulator cannot start, e.g. the port is busy. */
  static final int EXIT_START_FAILED = 1;

  private Main() {}

  /**
   * Netty reads it once, when its first class initialises: on, it loads jdk.jfr and generates its
   * allocation event handlers at every start (a fifth of the standalone start-up). The standalone
   * JVM is ours, so it is off unless the user turned it on; an embedded emulator never sets it.
   */
  static final String NETTY_JFR_PROPERTY = "io.netty.jfr.enabled";

  /**
   * Netty's leak detector samples one buffer in 128 and records a stack trace at its every touch:
   * 0.9–1.8 µs of a signed request's 9–10 µs in {@code PipelineBench} (issue 15). A leak it reports
   * is the emulator's bug, which its own tests catch with every buffer tracked ({@code
   * leak.argLine}); a user of the standalone jar can only read the line. So it is off there unless
   * the user set a level, under either of Netty's names; an embedded emulator never sets it.
   */
  static final String LEAK_DETECTION_PROPERTY = "io.netty.leakDetection.level";

  /** The name Netty reads when {@link #LEAK_DETECTION_PROPERTY} is unset. */
  static final String LEGACY_LEAK_DETECTION_PROPERTY = "io.netty.leakDetectionLevel";

  public static void main(String[] args) {
    standaloneDefaults();
    StartWarmup.start();
    Started started = start(args, System.getenv(), System.out, System.err);
    if (started.emulator() == null) {
      System.exit(started.exitStatus());
    }
    // The only shutdown hook: the JVM stays up on Netty's non-daemon event loop threads. A clean
    // stop on SIGTERM is a success for the container running it, so the status is 0, not 143.
    OssEmulator emulator = started.emulator();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  LoggerFactory.getLogger(Main.class).info("oss-emulator stopped");
                  Runtime.getRuntime().halt(0);
                },
                "oss-emulator-shutdown"));
  }

  /** System properties of the standalone JVM that the user has not set: before any Netty class. */
  static void standaloneDefaults() {
    if (System.getProperty(NETTY_JFR_PROPERTY) == null) {
      System.setProperty(NETTY_JFR_PROPERTY, "false");
    }
    if (System.getProperty(LEAK_DETECTION_PROPERTY) == null
        && System.getProperty(LEGACY_LEAK_DETECTION_PROPERTY) == null) {
      System.setProperty(LEAK_DETECTION_PROPERTY, "disabled");
    }
  }

  /**
   * {@code oss-emulator listening on http://127.0.0.1:9000 (region …, access key …)}; bound to
   * every interface, the URL is still one a client on this machine can connect to.
   */
  static String readyLine(OssEmulator emulator) {
    String host = emulator.config().host();
    boolean everywhere = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    return "oss-emulator listening on "
        + (everywhere ? "all interfaces, " : "")
        + emulator.endpoint()
        + " (region "
        + emulator.region()
        + ", access key "
        + emulator.accessKeyId()
        + ")";
  }

  private static String busyPortHint(UncheckedIOException e) {
    return e.getCause() instanceof java.net.BindException
            && String.valueOf(e.getCause().getMessage()).contains("in use")
        ? " (--port 0 picks a free port)"
        : "";
  }

  /** The running emulator, or the exit status when there is nothing to run. */
  record Started(OssEmulator emulator, int exitStatus) {}

  static Started start(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    OssEmulatorBuilder builder = OssEmulator.builder();
    CommandLine.Action action;
    try {
      CommandLine.Parsed parsed = CommandLine.parse(args, env, builder);
      action = parsed.action();
      if (parsed.logLevel() != null) {
        // Read by StandaloneLogging when Logback starts; set before the first logger exists.
        System.setProperty("OSS_EMULATOR_LOG_LEVEL", parsed.logLevel());
      }
    } catch (CommandLine.UsageException e) {
      err.println("oss-emulator: " + e.getMessage());
      return new Started(null, EXIT_USAGE);
    }
    if (action == CommandLine.Action.HELP) {
      out.print(CommandLine.USAGE);
      return new Started(null, 0);
    }
    if (action == CommandLine.Action.VERSION) {
      out.println("oss-emulator " + OssEmulator.version());
      return new Started(null, 0);
    }
    // Logback first, while the warm-up thread sets up the JCA providers that building the
    // accounts (their owner IDs) needs next: the two overlap on the two cores instead of adding up.
    // Nothing is logged by starting it, so the output is the same.
    LoggerFactory.getILoggerFactory();
    OssEmulator emulator;
    try {
      emulator = builder.build();
    } catch (IllegalArgumentException e) {
      err.println("oss-emulator: " + e.getMessage());
      return new Started(null, EXIT_USAGE);
    } catch (IllegalStateException e) {
      err.println("oss-emulator: " + e.getMessage());
      return new Started(null, EXIT_START_FAILED);
    }
    try {
      emulator.start();
    } catch (UncheckedIOException e) {
      err.println("oss-emulator: " + e.getMessage() + busyPortHint(e));
      return new Started(null, EXIT_START_FAILED);
    }
    // The one line a user or a script waits for; everything else goes to the log on stderr.
    out.println(readyLine(emulator));
    out.flush();
    if (emulator.adminTokenGenerated()) {
      // Printed here once, never logged: the log may be shipped elsewhere, stderr is the console.
      err.println(
          "admin token: " + emulator.adminToken() + "; set OSS_EMULATOR_ADMIN_TOKEN to choose one");
      err.flush();
    }
    LoggerFactory.getLogger(Main.class)
        .debug(
            "oss-emulator {} on {}, region {}, accounts {}, data {}",
            OssEmulator.version(),
            emulator.endpoint(),
            emulator.region(),
            emulator.config().accounts().stream()
                .flatMap(a -> a.accessKeys().stream())
                .map(k -> k.id())
                .toList(),
            emulator.config().dataDir() == null ? "in memory" : emulator.config().dataDir());
    return new Started(emulator, 0);
  }
}
