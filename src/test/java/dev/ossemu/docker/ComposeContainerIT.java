package dev.ossemu.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * docker/compose.yaml through docker/compose-test.sh, with every Compose the machine has (v2 {@code
 * docker compose}, v1 {@code docker-compose}): the app starts once the emulator is healthy and
 * reaches it over the service network.
 */
class ComposeContainerIT {
  @Test
  void theComposeFileRunsWithEveryInstalledCompose() throws Exception {
    Engine.requireImage();
    boolean compose =
        answers(List.of("docker", "compose", "version"))
            || answers(List.of("docker-compose", "version"));
    if (!compose) {
      System.out.println("compose test skipped: neither docker compose nor docker-compose");
    }
    assumeTrue(compose, "neither docker compose nor docker-compose is installed");
    ProcessBuilder script =
        new ProcessBuilder("docker/compose-test.sh")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.PIPE);
    String base = System.getProperty("oss.container.runtimeImage");
    script.environment().put("DOCKERFILE", "docker/Dockerfile.jar");
    if (base != null && !base.isBlank()) {
      script.environment().put("RUNTIME_IMAGE", base);
      script.environment().put("APP_IMAGE", base);
    }
    try (ServerSocket free = new ServerSocket(0)) {
      script.environment().put("OSS_PORT", String.valueOf(free.getLocalPort()));
    }
    Process process = script.start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(600, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("emulator is healthy at http://oss:9000");
  }

  private static boolean answers(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
