package dev.ossemu.config;

/** A configuration file the emulator cannot start with; the message names file, line, problem. */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  ConfigException(String file, int line, String problem) {
    super(line > 0 ? file + ":" + line + ": " + problem : file + ": " + problem);
  }
}
