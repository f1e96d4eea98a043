package dev.ossemu.readme;

import static dev.ossemu.docker.Engine.docker;
import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import dev.ossemu.docker.Engine;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every {@code docker run} line of README.md and docker/README.md, run as written from the
 * repository root, with one change: the host port of {@code -p 9000:9000} is a free one, so that an
 * emulator a developer already runs on 9000 does not fail the build.
 */
class ReadmeDockerRunContainerIT {
  private static final Pattern NAME = Pattern.compile("--name (\\S+)");

  @Test
  void everyDockerRunLineStartsAHealthyEmulator() throws Exception {
    Engine.requireImage();
    List<String> commands = Snippets.dockerRuns();
    assertThat(commands).hasSizeGreaterThanOrEqualTo(4);
    boolean hadVolume = docker("volume", "inspect", "oss-data").status() == 0;
    try {
      for (String command : commands) {
        runAndStop(command);
      }
    } finally {
      if (!hadVolume) {
        docker("volume", "rm", "-f", "oss-data");
      }
    }
  }

  private static void runAndStop(String written) throws Exception {
    int port = freePort();
    String command = written.replace("-p 9000:9000", "-p 127.0.0.1:" + port + ":9000");
    assertThat(command).as(written).isNotEqualTo(written);
    Matcher name = NAME.matcher(command);
    if (name.find()) {
      docker("rm", "-f", name.group(1));
    }
    Process process =
        new ProcessBuilder("bash", "-c", command)
            .directory(Path.of("").toAbsolutePath().toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    String id = "";
    try {
      String endpoint = "http://127.0.0.1:" + port;
      assertThat(awaitHealth(endpoint)).as(written).isEqualTo(200);
      if (command.contains("OSS_EMULATOR_CONFIG")) {
        OSS client = new OSSClientBuilder().build(endpoint, "test-access-key", "test-secret-key");
        try {
          assertThat(client.doesBucketExist("examplebucket")).as(written).isTrue();
        } finally {
          client.shutdown();
        }
      }
      id = docker("ps", "-q", "--filter", "publish=" + port).output();
      assertThat(id).as(written).isNotEmpty();
      assertThat(docker("stop", id).status()).isZero();
      assertThat(process.waitFor(10, TimeUnit.SECONDS)).as(written).isTrue();
      assertThat(process.exitValue()).as(written).isZero();
    } finally {
      process.destroyForcibly();
      if (!id.isEmpty()) {
        docker("rm", "-f", id);
      }
      if (name.find(0)) {
        docker("rm", "-f", name.group(1));
      }
    }
  }

  private static int awaitHealth(String endpoint) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest health = HttpRequest.newBuilder(URI.create(endpoint + "/_emulator/health")).build();
    for (int i = 0; i < 120; i++) {
      try {
        int status = http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200) {
          return status;
        }
      } catch (java.io.IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    return -1;
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
