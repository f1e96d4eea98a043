package dev.ossemu.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The container contract, checked without a Docker engine: the Dockerfiles' instructions are read
 * and their meaning asserted. {@code ContainerIT} (profile {@code container}) checks the same
 * against a real engine.
 */
class DockerfileTest {
  static final Path DOCKERFILE = Path.of("docker/Dockerfile");
  static final Path JAR_DOCKERFILE = Path.of("docker/Dockerfile.jar");
  private static final String RUNTIME_MARKER = "# ---- runtime:";

  /** The Dockerfile's instructions, continuation lines joined, comments dropped. */
  static List<String> instructions() throws Exception {
    return instructions(DOCKERFILE);
  }

  static List<String> instructions(Path dockerfile) throws Exception {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(dockerfile)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || trimmed.isEmpty()) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        current.append(trimmed, 0, trimmed.length() - 1).append(' ');
      } else {
        out.add(current.append(trimmed).toString());
        current.setLength(0);
      }
    }
    return out;
  }

  static String last(String keyword) throws Exception {
    String found = null;
    for (String instruction : instructions()) {
      if (instruction.startsWith(keyword + " ")) {
        found = instruction.substring(keyword.length() + 1);
      }
    }
    return found;
  }

  static List<String> entrypoint() throws Exception {
    String exec = last("ENTRYPOINT");
    return Arrays.stream(exec.substring(1, exec.length() - 1).split(","))
        .map(s -> s.strip().replace("\"", ""))
        .toList();
  }

  @Test
  void everyBaseImageIsABuildArgumentDefaultingToAPinnedPublicImage() throws Exception {
    for (Path file : List.of(DOCKERFILE, JAR_DOCKERFILE)) {
      List<String> all = instructions(file);
      List<String> from = all.stream().filter(i -> i.startsWith("FROM ")).toList();
      assertThat(from).as(file.toString()).allMatch(f -> f.matches("FROM \\$\\{\\w+_IMAGE}.*"));
      assertThat(all)
          .as(file.toString())
          .contains("ARG RUNTIME_IMAGE=eclipse-temurin:17.0.13_11-jre-jammy");
    }
    assertThat(instructions(DOCKERFILE))
        .contains("ARG BUILD_IMAGE=maven:3.9.9-eclipse-temurin-17", "FROM ${BUILD_IMAGE} AS build");
  }

  @Test
  void theJarVariantPackagesTheBuiltJarWithoutMaven() throws Exception {
    List<String> all = instructions(JAR_DOCKERFILE);
    assertThat(all)
        .contains("COPY target/oss-emulator-*-standalone.jar /opt/oss-emulator/oss-emulator.jar");
    assertThat(String.join("\n", all)).doesNotContain("mvn");
  }

  @Test
  void bothVariantsShareTheRuntimePartWordForWord() throws Exception {
    String full = Files.readString(DOCKERFILE);
    String jar = Files.readString(JAR_DOCKERFILE);
    assertThat(full).contains(RUNTIME_MARKER);
    assertThat(jar.substring(jar.indexOf(RUNTIME_MARKER)))
        .isEqualTo(full.substring(full.indexOf(RUNTIME_MARKER)));
  }

  @Test
  void runsAsANonRootUserWithoutAVolume() throws Exception {
    String user = last("USER");
    assertThat(user).isNotNull();
    assertThat(user.split(":")[0]).isNotIn("root", "0");
    // A VOLUME would leave an anonymous volume behind after every in-memory run.
    assertThat(instructions()).noneMatch(i -> i.startsWith("VOLUME"));
  }

  @Test
  void bindsAllInterfacesOnlyHereAndSetsNoAccount() throws Exception {
    assertThat(last("EXPOSE")).isEqualTo("9000");
    String env =
        String.join(" ", instructions().stream().filter(i -> i.startsWith("ENV ")).toList());
    assertThat(env).contains("OSS_EMULATOR_HOST=0.0.0.0").contains("OSS_EMULATOR_PORT=9000");
    // The built-in account applies only when none is given anywhere: an ENV account would clash
    // with the accounts of a configuration file.
    assertThat(env)
        .doesNotContain("OSS_EMULATOR_ACCOUNTS")
        .doesNotContain("JAVA_TOOL_OPTIONS")
        .doesNotContain("OSS_EMULATOR_MAX_STORAGE_MIB");
  }

  @Test
  void checksHealthWithAScriptThatNeedsOnlyBash() throws Exception {
    assertThat(last("HEALTHCHECK")).contains("CMD [\"/opt/oss-emulator/healthcheck.sh\"]");
    String script = Files.readString(Path.of("docker/healthcheck.sh"));
    String code = String.join("\n", script.lines().filter(l -> !l.startsWith("# ")).toList());
    assertThat(script).startsWith("#!/bin/bash");
    assertThat(code)
        .contains("/dev/tcp/")
        .contains("/_emulator/health")
        .doesNotContain("curl")
        .doesNotContain("Authorization");
  }

  @Test
  void startsTheJarInExecFormWithTheJvmFlagsAndTheCdsArchive() throws Exception {
    List<String> entrypoint = entrypoint();
    assertThat(entrypoint.get(0)).isEqualTo("java");
    assertThat(entrypoint.subList(entrypoint.size() - 2, entrypoint.size()))
        .containsExactly("-jar", "/opt/oss-emulator/oss-emulator.jar");
    assertThat(entrypoint)
        .contains(
            "-XX:+ExitOnOutOfMemoryError",
            "-XX:MaxRAMPercentage=50",
            "-XX:SharedArchiveFile=/opt/oss-emulator/oss-emulator.jsa");
    // The training run that writes the archive uses the same flags, so that the archive maps.
    String training =
        instructions().stream()
            .filter(i -> i.startsWith("RUN ") && i.contains("train-cds.sh"))
            .findFirst()
            .get();
    for (String flag : entrypoint.subList(1, entrypoint.size() - 2)) {
      if (!flag.startsWith("-XX:SharedArchiveFile") && !flag.startsWith("-Xshare")) {
        assertThat(training).contains(flag);
      }
    }
  }

  @Test
  void letsOnlyTheBuildInputsIntoTheContext() throws Exception {
    List<String> ignore = Files.readAllLines(Path.of(".dockerignore"));
    assertThat(ignore)
        .contains(
            "*",
            "!pom.xml",
            "!src/",
            "!target/oss-emulator-*-standalone.jar",
            "!docker/healthcheck.sh",
            "!docker/train-cds.sh");
  }
}
