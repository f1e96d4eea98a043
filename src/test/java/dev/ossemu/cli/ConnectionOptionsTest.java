package dev.ossemu.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossemu.EmulatorConfig;
import dev.ossemu.OssEmulator;
import dev.ossemu.OssEmulatorBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --idle-timeout}, {@code --request-timeout}, {@code --max-connections} and their env. */
class ConnectionOptionsTest {
  private static EmulatorConfig parse(Map<String, String> env, String... args) throws Exception {
    OssEmulatorBuilder builder = OssEmulator.builder();
    CommandLine.parse(args, env, builder);
    return builder.build().config();
  }

  @Test
  void defaultsTo60And30SecondsAnd1024Connections() throws Exception {
    EmulatorConfig config = parse(Map.of());
    assertThat(config.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.maxConnections()).isEqualTo(1024);
  }

  @Test
  void readsTheEnvironmentAndLetsTheCommandLineWin() throws Exception {
    Map<String, String> env =
        Map.of(
            "OSS_EMULATOR_IDLE_TIMEOUT", "5",
            "OSS_EMULATOR_REQUEST_TIMEOUT", "0",
            "OSS_EMULATOR_MAX_CONNECTIONS", "7");
    EmulatorConfig fromEnv = parse(env);
    assertThat(fromEnv.idleTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(fromEnv.requestTimeout()).isZero();
    assertThat(fromEnv.maxConnections()).isEqualTo(7);

    EmulatorConfig fromCli =
        parse(env, "--idle-timeout", "0", "--request-timeout", "12", "--max-connections", "0");
    assertThat(fromCli.idleTimeout()).isZero();
    assertThat(fromCli.requestTimeout()).isEqualTo(Duration.ofSeconds(12));
    assertThat(fromCli.maxConnections()).isZero();
  }

  @Test
  void refusesNegativeOrNonNumericValues() {
    for (String[] args :
        new String[][] {
          {"--idle-timeout", "-1"},
          {"--request-timeout", "soon"},
          {"--max-connections", "-5"},
          {"--max-connections"},
        }) {
      assertThatThrownBy(() -> parse(Map.of(), args))
          .as(String.join(" ", args))
          .isInstanceOf(CommandLine.UsageException.class)
          .hasMessageStartingWith(args[0]);
    }
    assertThatThrownBy(() -> parse(Map.of("OSS_EMULATOR_IDLE_TIMEOUT", "x")))
        .hasMessageStartingWith("OSS_EMULATOR_IDLE_TIMEOUT");
  }
}
