package dev.ossemu.docker;

import static dev.ossemu.docker.Engine.IMAGE;
import static dev.ossemu.docker.Engine.docker;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image on a real engine, through the {@code docker} command line as a user drives it: user,
 * health in every configuration, stop, volumes, refused data directories.
 */
class ContainerIT {
  private final List<String> containers = new ArrayList<>();
  private final List<String> volumes = new ArrayList<>();

  @BeforeEach
  void image() throws Exception {
    Engine.requireImage();
  }

  @AfterEach
  void remove() throws Exception {
    for (String id : containers) {
      docker("rm", "-f", id);
    }
    for (String volume : volumes) {
      docker("volume", "rm", "-f", volume);
    }
  }

  private String run(String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("run", "-d"));
    command.addAll(List.of(arguments));
    Engine.Result result = docker(command, 60);
    assertThat(result.status()).as(result.output()).isZero();
    String id = result.output().lines().reduce((a, b) -> b).orElseThrow();
    containers.add(id);
    return id;
  }

  private String volume() {
    String name = "oss-emulator-it-" + UUID.randomUUID();
    volumes.add(name);
    return name;
  }

  /** Polls the engine's own health status, as docker compose's service_healthy does. */
  static String awaitHealth(String id) throws Exception {
    String status = "";
    for (int i = 0; i < 120 && !status.equals("healthy") && !status.equals("unhealthy"); i++) {
      Thread.sleep(250);
      status = docker("inspect", "-f", "{{.State.Health.Status}}", id).output();
    }
    return status;
  }

  @Test
  void runsAsTheUnprivilegedUser() throws Exception {
    Engine.Result id = docker("run", "--rm", "--entrypoint", "id", IMAGE);
    assertThat(id.output()).isEqualTo("uid=10001(oss) gid=10001(oss) groups=10001(oss)");
  }

  @Test
  void isHealthyByDefaultWithATokenWithoutAdminAndOnAnotherPort() throws Exception {
    Map<String, String> ids =
        Map.of(
            "default", run(IMAGE),
            "token", run("-e", "OSS_EMULATOR_ADMIN_TOKEN=s3cret", IMAGE),
            "no-admin", run(IMAGE, "--no-admin"),
            "--port", run(IMAGE, "--port", "9001"),
            "--port=", run(IMAGE, "--port=9003"),
            "env port", run("-e", "OSS_EMULATOR_PORT=9002", IMAGE));
    for (Map.Entry<String, String> container : ids.entrySet()) {
      assertThat(awaitHealth(container.getValue()))
          .as(container.getKey() + ": " + docker("logs", container.getValue()).output())
          .isEqualTo("healthy");
    }
  }

  @Test
  void printsOneConnectableLineAndNoPickedUpLine() throws Exception {
    String id = run("-e", "JAVA_TOOL_OPTIONS=-Dfoo=bar", IMAGE);
    assertThat(awaitHealth(id)).isEqualTo("healthy");
    assertThat(Engine.stdout("logs", id).lines().toList())
        .hasSize(1)
        .first()
        .asString()
        .startsWith("oss-emulator listening on all interfaces, http://127.0.0.1:9000 (")
        .doesNotContain("0.0.0.0");
    // The image sets no JAVA_TOOL_OPTIONS of its own: the only "Picked up" line is the user's.
    assertThat(docker("logs", id).output().lines().filter(l -> l.startsWith("Picked up")))
        .containsExactly("Picked up JAVA_TOOL_OPTIONS: -Dfoo=bar");
    assertThat(docker("run", "--rm", IMAGE, "--version").output())
        .isEqualTo("oss-emulator " + dev.ossemu.OssEmulator.version());
  }

  @Test
  void stopsWithStatus0WithinTwoSeconds() throws Exception {
    String id = run(IMAGE);
    assertThat(awaitHealth(id)).isEqualTo("healthy");
    long start = System.nanoTime();
    assertThat(docker("stop", id).status()).isZero();
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("container: docker stop took %d ms%n", millis);
    assertThat(millis).isLessThan(2000);
    assertThat(docker("inspect", "-f", "{{.State.ExitCode}}", id).output()).isEqualTo("0");
  }

  @Test
  void answers507PastItsBoundIn128MiBAndNeverRunsOutOfMemory() throws Exception {
    String id = run("-m", "128m", "-p", "127.0.0.1::9000", IMAGE);
    assertThat(awaitHealth(id)).isEqualTo("healthy");
    String endpoint = "http://" + docker("port", id, "9000").output().lines().findFirst().get();
    com.aliyun.oss.OSS client =
        new com.aliyun.oss.OSSClientBuilder().build(endpoint, "test-access-key", "test-secret-key");
    byte[] mebibyte = new byte[1024 * 1024];
    int stored = 0;
    String refusal = null;
    try {
      client.createBucket("filled");
      for (; stored < 400 && refusal == null; stored++) {
        try {
          client.putObject("filled", "o" + stored, new java.io.ByteArrayInputStream(mebibyte));
        } catch (com.aliyun.oss.OSSException e) {
          refusal = e.getErrorCode();
        }
      }
      assertThat(client.getObject("filled", "o0").getObjectContent().readAllBytes())
          .hasSize(mebibyte.length);
    } finally {
      client.shutdown();
    }
    System.out.printf("container -m 128m: %d MiB stored, then %s%n", stored - 1, refusal);
    assertThat(refusal).isEqualTo("InsufficientStorage");
    assertThat(docker("inspect", "-f", "{{.State.Running}} {{.State.OOMKilled}}", id).output())
        .isEqualTo("true false");
    assertThat(docker("logs", id).output()).doesNotContain("OutOfMemoryError");
  }

  @Test
  void leavesNoAnonymousVolumeBehind() throws Exception {
    String id = run(IMAGE);
    assertThat(docker("inspect", "-f", "{{len .Mounts}}", id).output()).isEqualTo("0");
  }

  @Test
  void refusesASecondContainerOnTheSameVolume() throws Exception {
    String volume = volume();
    String first = run("-v", volume + ":/data", "-e", "OSS_EMULATOR_DATA_DIR=/data", IMAGE);
    assertThat(awaitHealth(first)).isEqualTo("healthy");
    Engine.Result second =
        docker("run", "--rm", "-v", volume + ":/data", "-e", "OSS_EMULATOR_DATA_DIR=/data", IMAGE);
    assertThat(second.status()).isEqualTo(1);
    assertThat(second.output()).endsWith("/data: in use by another emulator");
  }

  @Test
  void namesTheDirectoryAndTheUidWhenTheDataDirectoryIsNotWritable(@TempDir Path dir)
      throws Exception {
    Path owned = Files.createDirectories(dir.resolve("root-owned"));
    Engine.Result refused =
        docker("run", "--rm", "-v", owned + ":/data", "-e", "OSS_EMULATOR_DATA_DIR=/data", IMAGE);
    assertThat(refused.status()).isEqualTo(1);
    assertThat(refused.output().lines().filter(l -> !l.startsWith("Picked up")))
        .containsExactly(
            "oss-emulator: cannot use the data directory: /data: not writable by uid 10001"
                + " (chown it to that user, or use a named volume)");
  }
}
