package dev.ossemu.cli;

import dev.ossemu.OssEmulatorBuilder;
import dev.ossemu.cli.CommandLine.UsageException;

/**
 * Reads and checks the values of options and environment variables; a bad one throws a {@link
 * UsageException} whose one-line message names the option or variable it came from.
 */
final class OptionValues {
  /** The log levels {@code --log-level} takes. */
  static final java.util.Set<String> LOG_LEVELS =
      java.util.Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

  private OptionValues() {}

  static String logLevel(String value, String source) throws UsageException {
    if (value == null || value.isBlank()) {
      return null;
    }
    String level = value.trim().toUpperCase(java.util.Locale.ROOT);
    if (!LOG_LEVELS.contains(level)) {
      throw new UsageException(
          source + ": not a log level (TRACE, DEBUG, INFO, WARN, ERROR, OFF): " + value);
    }
    return level;
  }

  /** Whole seconds, 0 (off) to a day. */
  static java.time.Duration seconds(String value, String source) throws UsageException {
    try {
      long seconds = Long.parseLong(value.trim());
      if (seconds >= 0 && seconds <= 86_400) {
        return java.time.Duration.ofSeconds(seconds);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(source + ": not a number of seconds between 0 and 86400: " + value);
  }

  static int count(String value, String source) throws UsageException {
    try {
      int count = Integer.parseInt(value.trim());
      if (count >= 0) {
        return count;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(source + ": not a whole number of 0 or more: " + value);
  }

  static String value(String[] args, int index, String option) throws UsageException {
    if (index >= args.length || args[index].startsWith("--")) {
      throw new UsageException(option + " needs a value (see --help)");
    }
    return args[index];
  }

  static int port(String value, String source) throws UsageException {
    try {
      int port = Integer.parseInt(value.trim());
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // Reported below with the same message as an out-of-range number.
    }
    throw new UsageException(source + ": not a port number between 0 and 65535: " + value);
  }

  static long mebibytes(String value, String source) throws UsageException {
    try {
      long mib = Long.parseLong(value.trim());
      if (mib >= 1 && mib <= 1024L * 1024) {
        return mib * 1024 * 1024;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(source + ": not a size in MiB between 1 and 1048576: " + value);
  }

  static String region(String value, String source) throws UsageException {
    String region = value.trim();
    if (!region.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw new UsageException(source + ": not a region id such as cn-hangzhou: " + value);
    }
    return region;
  }

  static void account(String value, String source, OssEmulatorBuilder builder)
      throws UsageException {
    int colon = value.indexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new UsageException(
          source + ": an account is ACCESS_KEY_ID:ACCESS_KEY_SECRET, both non-empty");
    }
    String id = value.substring(0, colon);
    if (builder.hasAccessKey(id)) {
      throw new UsageException(source + ": access key id given twice: " + id);
    }
    builder.account(id, value.substring(colon + 1));
  }
}
