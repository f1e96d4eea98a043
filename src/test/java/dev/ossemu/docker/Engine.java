package dev.ossemu.docker;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;

/**
 * The Docker engine of the container tests: whether one answers (else every test is skipped with a
 * message saying so), the image built once per run from {@code docker/Dockerfile.jar}, and the
 * {@code docker} command line.
 */
public final class Engine {
  /** {@code oss-emulator:<version>}, as the Maven build names it. */
  public static final String IMAGE = System.getProperty("oss.container.image", "oss-emulator:dev");

  private static Boolean available;
  private static boolean built;
  private static IllegalStateException buildFailure;

  private Engine() {}

  /** Skips the calling test, visibly, when no engine answers; builds the image on first use. */
  public static synchronized void requireImage() throws Exception {
    if (available == null) {
      // Both clients: the tests drive the docker command line and Testcontainers.
      available = cliAnswers() && DockerClientFactory.instance().isDockerAvailable();
      if (!available) {
        System.out.println("container tests skipped: no Docker engine answers");
      }
    }
    assumeTrue(available, "no Docker engine answers");
    if (buildFailure != null) {
      throw buildFailure; // once is enough: every test would fail the same way
    }
    if (!built) {
      try {
        build();
      } catch (IllegalStateException e) {
        buildFailure = e;
        throw e;
      }
      built = true;
    }
  }

  private static boolean cliAnswers() {
    try {
      return docker(List.of("version", "--format", "{{.Server.Version}}"), 30).status() == 0;
    } catch (Exception e) {
      return false; // no docker command at all
    }
  }

  private static void build() throws Exception {
    Path jar = Path.of(System.getProperty("standalone.jar"));
    if (!jar.toFile().isFile()) {
      throw new IllegalStateException("no " + jar + ": run the package phase first");
    }
    String base = System.getProperty("oss.container.runtimeImage");
    List<String> command =
        new ArrayList<>(List.of("build", "-q", "-f", "docker/Dockerfile.jar", "-t", IMAGE));
    command.addAll(List.of("-t", "oss-emulator"));
    if (base != null && !base.isBlank()) {
      command.addAll(List.of("--build-arg", "RUNTIME_IMAGE=" + base));
    }
    command.add(".");
    Result result = docker(command, 600);
    if (result.status() != 0) {
      throw new IllegalStateException("docker build failed: " + result.output());
    }
  }

  /** The outcome of a {@code docker} command: its status and its output (stdout and stderr). */
  public record Result(int status, String output) {}

  static Result docker(List<String> arguments, long timeoutSeconds) throws Exception {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(arguments);
    return run(command, timeoutSeconds);
  }

  public static Result docker(String... arguments) throws Exception {
    return docker(List.of(arguments), 60);
  }

  /** {@code docker ARGS}' standard output only (for {@code docker logs}: the container's). */
  static String stdout(String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(arguments));
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(60, TimeUnit.SECONDS);
    return output.strip();
  }

  static Result run(List<String> command, long timeoutSeconds) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("timed out: " + String.join(" ", command));
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(process.exitValue(), output.strip());
  }
}
