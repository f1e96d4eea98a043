package dev.ossemu.cli;

import dev.ossemu.OssEmulatorBuilder;
import dev.ossemu.cli.CommandLine.UsageException;
import java.nio.file.Path;
import java.util.Map;

/** Applies the {@code OSS_EMULATOR_*} environment variables to an {@link OssEmulatorBuilder}. */
final class EnvironmentOptions {
  private EnvironmentOptions() {}

  /**
   * Applies the environment to {@code builder}; {@code OSS_EMULATOR_ACCOUNTS} only if {@code
   * withAccounts}.
   */
  static void apply(Map<String, String> env, OssEmulatorBuilder builder, boolean withAccounts)
      throws UsageException {
    String host = env.get("OSS_EMULATOR_HOST");
    if (host != null && !host.isBlank()) {
      builder.host(host.trim());
    }
    String port = env.get("OSS_EMULATOR_PORT");
    if (port != null && !port.isBlank()) {
      builder.port(OptionValues.port(port, "OSS_EMULATOR_PORT"));
    }
    String region = env.get("OSS_EMULATOR_REGION");
    if (region != null && !region.isBlank()) {
      builder.region(OptionValues.region(region, "OSS_EMULATOR_REGION"));
    }
    String storage = env.get("OSS_EMULATOR_MAX_STORAGE_MIB");
    if (storage != null && !storage.isBlank()) {
      builder.maxStorageBytes(OptionValues.mebibytes(storage, "OSS_EMULATOR_MAX_STORAGE_MIB"));
    }
    if ("true".equalsIgnoreCase(env.get("OSS_EMULATOR_ACCESS_LOG"))) {
      builder.accessLog(true);
    }
    String dataDir = env.get("OSS_EMULATOR_DATA_DIR");
    if (dataDir != null && !dataDir.isBlank()) {
      builder.dataDir(Path.of(dataDir.trim()));
    }
    applyConnectionEnvironment(env, builder);
    String adminToken = env.get("OSS_EMULATOR_ADMIN_TOKEN");
    if (adminToken != null && !adminToken.isBlank()) {
      builder.adminToken(adminToken.trim());
    }
    String accounts = env.get("OSS_EMULATOR_ACCOUNTS");
    if (withAccounts && accounts != null && !accounts.isBlank()) {
      for (String account : accounts.split(",")) {
        OptionValues.account(account.trim(), "OSS_EMULATOR_ACCOUNTS", builder);
      }
    }
  }

  private static void applyConnectionEnvironment(
      Map<String, String> env, OssEmulatorBuilder builder) throws UsageException {
    String idle = env.get("OSS_EMULATOR_IDLE_TIMEOUT");
    if (idle != null && !idle.isBlank()) {
      builder.idleTimeout(OptionValues.seconds(idle, "OSS_EMULATOR_IDLE_TIMEOUT"));
    }
    String request = env.get("OSS_EMULATOR_REQUEST_TIMEOUT");
    if (request != null && !request.isBlank()) {
      builder.requestTimeout(OptionValues.seconds(request, "OSS_EMULATOR_REQUEST_TIMEOUT"));
    }
    String connections = env.get("OSS_EMULATOR_MAX_CONNECTIONS");
    if (connections != null && !connections.isBlank()) {
      builder.maxConnections(OptionValues.count(connections, "OSS_EMULATOR_MAX_CONNECTIONS"));
    }
  }
}
