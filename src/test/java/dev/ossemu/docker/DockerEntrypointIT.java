package dev.ossemu.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The container's entrypoint and health check, run as their exact commands outside a container with
 * the container's environment (no engine needed; {@code ContainerIT} runs the real image): the
 * emulator comes up healthy on 0.0.0.0 and stops with status 0 on SIGTERM.
 */
class DockerEntrypointIT {
  private static final Pattern LISTENING =
      Pattern.compile("oss-emulator listening on all interfaces, http://127\\.0\\.0\\.1:(\\d+) .*");

  /** The container's ENV block: every NAME=value, with the port made free for this test. */
  private static Map<String, String> containerEnvironment() throws Exception {
    Map<String, String> env = new HashMap<>();
    for (String instruction : DockerfileTest.instructions()) {
      if (instruction.startsWith("ENV ")) {
        Matcher pair =
            Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S*)").matcher(instruction.substring(4));
        while (pair.find()) {
          env.put(pair.group(1), pair.group(2).replace("\"", ""));
        }
      }
    }
    env.put("OSS_EMULATOR_PORT", "0");
    return env;
  }

  private static List<String> execForm(String instruction) throws Exception {
    return List.of(new ObjectMapper().readValue(instruction, String[].class));
  }

  @Test
  void theEntrypointComesUpHealthyOnAllInterfacesAndStopsOnSigterm() throws Exception {
    Map<String, String> env = containerEnvironment();
    List<String> entrypoint = new ArrayList<>(execForm(DockerfileTest.last("ENTRYPOINT")));
    // The image's jar path, pointed at the jar this build produced.
    entrypoint.set(entrypoint.size() - 1, Path.of(System.getProperty("standalone.jar")).toString());
    entrypoint.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ProcessBuilder builder =
        new ProcessBuilder(entrypoint).redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().putAll(env);
    Process emulator = builder.start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
      String line = CompletableFuture.supplyAsync(() -> readLine(out)).get(20, TimeUnit.SECONDS);
      Matcher listening = LISTENING.matcher(line);
      assertThat(listening.matches()).as(line).isTrue();

      String healthcheck = DockerfileTest.last("HEALTHCHECK");
      List<String> command =
          new ArrayList<>(execForm(healthcheck.substring(healthcheck.indexOf("CMD ") + 4)));
      // The image's copy of the script is this one.
      command.set(0, command.get(0).replace("/opt/oss-emulator/", "docker/"));
      ProcessBuilder check = new ProcessBuilder(command).redirectErrorStream(true);
      check.environment().putAll(env);
      check.environment().put("OSS_EMULATOR_PORT", listening.group(1));
      Process health = check.start();
      assertThat(health.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(health.exitValue()).isZero();

      emulator.destroy(); // SIGTERM, as docker stop sends
      assertThat(emulator.waitFor(5, TimeUnit.SECONDS)).isTrue();
      assertThat(emulator.exitValue()).isZero();
    } finally {
      emulator.destroyForcibly();
    }
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
