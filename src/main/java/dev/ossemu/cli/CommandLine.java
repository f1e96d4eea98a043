package dev.ossemu.cli;

import dev.ossemu.OssEmulator;
import dev.ossemu.OssEmulatorBuilder;
import dev.ossemu.config.ConfigException;
import dev.ossemu.config.ConfigLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the command line and the {@code OSS_EMULATOR_*} environment into an {@link
 * OssEmulatorBuilder}; an option on the command line wins over the environment.
 */
final class CommandLine {
  static final String USAGE =
      String.join(
          "\n",
          "Usage: java -jar oss-emulator-" + OssEmulator.version() + "-standalone.jar [options]",
          "",
          "A local Alibaba Cloud OSS endpoint for tests and development.",
          "",
          "Options (each also read from the environment variable shown; --opt=value works too):",
          "  --host HOST       address to bind (OSS_EMULATOR_HOST, default 127.0.0.1)",
          "  --port PORT       port to bind, 0 = any free port (OSS_EMULATOR_PORT, default 9000)",
          "  --region REGION   region id (OSS_EMULATOR_REGION, default cn-hangzhou)",
          "  --account AK:SK   an account with this access key; repeatable, each a separate",
          "                    account (OSS_EMULATOR_ACCOUNTS=AK:SK,AK2:SK2,",
          "                    default test-access-key:test-secret-key)",
          "  --config FILE     read accounts, RAM users, buckets and STS credentials from a YAML",
          "                    file (OSS_EMULATOR_CONFIG); options and environment override it",
          "  --max-storage MIB bound on all object bodies together, in MiB",
          "                    (OSS_EMULATOR_MAX_STORAGE_MIB, default 512 or half the heap)",
          "  --admin-token T   require Authorization: Bearer T on /_emulator/",
          "                    (OSS_EMULATOR_ADMIN_TOKEN)",
          "  --no-admin        turn the admin API under /_emulator/ off",
          "  --data-dir DIR    keep buckets and objects in DIR across restarts",
          "                    (OSS_EMULATOR_DATA_DIR; default: in memory only)",
          "  --log-level L     TRACE, DEBUG, INFO, WARN, ERROR or OFF (OSS_EMULATOR_LOG_LEVEL)",
          "  --access-log      log one line per request (OSS_EMULATOR_ACCESS_LOG=true)",
          "  --idle-timeout S  close a connection idle between requests after S seconds, 0 = never",
          "                    (OSS_EMULATOR_IDLE_TIMEOUT, default 60)",
          "  --request-timeout S  request line and headers must arrive, and a body may pause, within",
          "                    S seconds, 0 = no limit (OSS_EMULATOR_REQUEST_TIMEOUT, default 30)",
          "  --max-connections N  serve at most N connections at once, 0 = no bound; others get",
          "                    503 SlowDown (OSS_EMULATOR_MAX_CONNECTIONS, default 1024)",
          "  --help            print this help and exit",
          "  --version         print the version and exit",
          "");

  static final int DEFAULT_PORT = 9000;

  /** Options without a value. */
  static final java.util.Set<String> FLAGS =
      java.util.Set.of("--help", "-h", "--version", "--no-admin", "--access-log");

  /** Options with a value, given as {@code --opt value} or {@code --opt=value}. */
  static final java.util.Set<String> VALUED =
      java.util.Set.of(
          "--host",
          "--port",
          "--region",
          "--account",
          "--admin-token",
          "--config",
          "--max-storage",
          "--log-level",
          "--data-dir",
          "--idle-timeout",
          "--request-timeout",
          "--max-connections");

  /** What the command line asks for. */
  enum Action {
    RUN,
    HELP,
    VERSION
  }

  /**
   * The parsed command line.
   *
   * @param action what to do
   * @param logLevel the root log level for the standalone jar's Logback, or null for its default
   */
  record Parsed(Action action, String logLevel) {}

  /** A bad option or value; its message is the one line printed to stderr. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  private CommandLine() {}

  /**
   * Applies the configuration file, then the environment, then the arguments to {@code builder}:
   * each later source overrides the earlier. Accounts add up, except that {@code --account} on the
   * command line replaces those of {@code OSS_EMULATOR_ACCOUNTS}.
   */
  static Parsed parse(String[] args, Map<String, String> env, OssEmulatorBuilder builder)
      throws UsageException {
    builder.port(DEFAULT_PORT);
    List<String[]> options = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      int equals = arg.indexOf('=');
      // --port=9001 and --port 9001 mean the same, as in GNU getopt_long.
      String name = arg.startsWith("--") && equals > 0 ? arg.substring(0, equals) : arg;
      String inline = name.equals(arg) ? null : arg.substring(equals + 1);
      if (FLAGS.contains(name)) {
        if (inline != null) {
          throw new UsageException(name + " takes no value (see --help)");
        }
        if (name.equals("--help") || name.equals("-h")) {
          return new Parsed(Action.HELP, null);
        }
        if (name.equals("--version")) {
          return new Parsed(Action.VERSION, null);
        }
        options.add(new String[] {name, null});
      } else if (VALUED.contains(name)) {
        options.add(
            new String[] {name, inline != null ? inline : OptionValues.value(args, ++i, name)});
      } else {
        throw new UsageException(OptionNames.unknown(name, OptionNames.all(FLAGS, VALUED)));
      }
    }
    String config = env.get("OSS_EMULATOR_CONFIG");
    boolean cliAccounts = false;
    for (String[] option : options) {
      config = option[0].equals("--config") ? option[1] : config;
      cliAccounts |= option[0].equals("--account");
    }
    if (config != null && !config.isBlank()) {
      loadConfig(config.trim(), builder);
    }
    EnvironmentOptions.apply(env, builder, !cliAccounts);
    String logLevel =
        OptionValues.logLevel(env.get("OSS_EMULATOR_LOG_LEVEL"), "OSS_EMULATOR_LOG_LEVEL");
    for (String[] option : options) {
      if (option[0].equals("--log-level")) {
        logLevel = OptionValues.logLevel(option[1], option[0]);
      }
      apply(option[0], option[1], builder);
    }
    return new Parsed(Action.RUN, logLevel);
  }

  private static void loadConfig(String file, OssEmulatorBuilder builder) throws UsageException {
    try {
      new ConfigLoader().load(Path.of(file), builder);
    } catch (ConfigException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static void apply(String option, String value, OssEmulatorBuilder builder)
      throws UsageException {
    switch (option) {
      case "--host" -> builder.host(value.trim());
      case "--port" -> builder.port(OptionValues.port(value, option));
      case "--region" -> builder.region(OptionValues.region(value, option));
      case "--admin-token" -> builder.adminToken(value);
      case "--max-storage" -> builder.maxStorageBytes(OptionValues.mebibytes(value, option));
      case "--no-admin" -> builder.admin(false);
      case "--access-log" -> builder.accessLog(true);
      case "--data-dir" -> builder.dataDir(Path.of(value));
      case "--idle-timeout" -> builder.idleTimeout(OptionValues.seconds(value, option));
      case "--request-timeout" -> builder.requestTimeout(OptionValues.seconds(value, option));
      case "--max-connections" -> builder.maxConnections(OptionValues.count(value, option));
      case "--account" -> OptionValues.account(value, option, builder);
      default -> {
        // --config was applied first.
      }
    }
  }
}
