package dev.ossemu.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The container contract, checked without a Docker engine: the Dockerfile's instructions are read
 * and their meaning asserted.
 */
class DockerfileTest {
  static final Path DOCKERFILE = Path.of("docker/Dockerfile");

  /** The Dockerfile's instructions, continuation lines joined, comments dropped. */
  static List<String> instructions() throws Exception {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(DOCKERFILE)) {
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

  @Test
  void buildsInAMavenStageAndRunsOnAPinnedJre17() throws Exception {
    List<String> from = instructions().stream().filter(i -> i.startsWith("FROM ")).toList();
    assertThat(from).hasSize(2);
    assertThat(from.get(0)).contains("maven:").endsWith(" AS build");
    // An exact release tag: not latest, not a floating major like 17-jre.
    assertThat(from.get(1)).matches("FROM eclipse-temurin:17\\.\\d+\\.\\d+_\\d+-jre-[a-z]+");
  }

  @Test
  void runsAsANonRootUser() throws Exception {
    String user = last("USER");
    assertThat(user).isNotNull();
    assertThat(user.split(":")[0]).isNotIn("root", "0");
  }

  @Test
  void exposesThePortAndBindsAllInterfacesOnlyHere() throws Exception {
    assertThat(last("EXPOSE")).isEqualTo("9000");
    String env =
        String.join(" ", instructions().stream().filter(i -> i.startsWith("ENV ")).toList());
    assertThat(env).contains("OSS_EMULATOR_HOST=0.0.0.0").contains("OSS_EMULATOR_PORT=9000");
    for (String variable :
        List.of(
            "OSS_EMULATOR_REGION",
            "OSS_EMULATOR_ACCOUNTS",
            "OSS_EMULATOR_LOG_LEVEL",
            "OSS_EMULATOR_DATA_DIR",
            "OSS_EMULATOR_CONFIG",
            "OSS_EMULATOR_ADMIN_TOKEN",
            "OSS_EMULATOR_MAX_STORAGE_MIB",
            "OSS_EMULATOR_ACCESS_LOG",
            "JAVA_TOOL_OPTIONS")) {
      assertThat(env).contains(variable + "=");
    }
  }

  @Test
  void checksHealthThroughTheAdminApiWithBashOnly() throws Exception {
    String healthcheck = last("HEALTHCHECK");
    assertThat(healthcheck)
        .contains("CMD [\"bash\", \"-c\"")
        .contains("/dev/tcp/")
        .contains("/_emulator/health");
    assertThat(healthcheck).doesNotContain("curl").doesNotContain("wget");
  }

  @Test
  void startsTheStandaloneJarInExecForm() throws Exception {
    String entrypoint = last("ENTRYPOINT");
    assertThat(entrypoint).startsWith("[").endsWith("]");
    assertThat(entrypoint).contains("\"java\"").contains("\"-jar\"").contains("oss-emulator.jar");
    Matcher copy =
        Pattern.compile("cp target/oss-emulator-\\*-standalone\\.jar (\\S+)")
            .matcher(String.join("\n", instructions()));
    assertThat(copy.find()).as("the build stage copies the standalone jar").isTrue();
  }

  @Test
  void letsOnlyTheBuildInputsIntoTheContext() throws Exception {
    List<String> ignore = Files.readAllLines(Path.of(".dockerignore"));
    assertThat(ignore).contains("*", "!pom.xml", "!src/");
  }
}
