package dev.ossemu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.OssEmulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built standalone jar, as a user runs it: starts with embedded defaults, prints exactly one
 * line, answers OSS requests, and stops within a second on SIGTERM.
 */
class StandaloneJarIT {
  private static final Pattern LISTENING =
      Pattern.compile(
          "oss-emulator listening on http://127\\.0\\.0\\.1:(\\d+) "
              + "\\(region cn-hangzhou, access key test-access-key\\)");

  @TempDir Path dir;

  /** A started jar: its process, its one stdout line's port, and where its stderr goes. */
  private record Launched(
      Process process, int port, Path stderr, CompletableFuture<List<String>> stdout) {}

  private Launched launch(String name, String... args) throws Exception {
    Path jar = Path.of(System.getProperty("standalone.jar"));
    assertThat(jar).exists();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
    command.addAll(List.of(args));
    Path stderr = dir.resolve(name + ".stderr");
    // Captured, not inherited: the build output stays quiet, and the test can read it.
    Process process =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.to(stderr.toFile()))
            .start();
    BufferedReader stdout =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> first = new CompletableFuture<>();
    CompletableFuture<List<String>> all =
        CompletableFuture.supplyAsync(() -> readAll(stdout, first));
    String line = first.get(20, TimeUnit.SECONDS);
    Matcher matcher = LISTENING.matcher(String.valueOf(line));
    assertThat(matcher.matches()).as(line + " / " + Files.readString(stderr)).isTrue();
    return new Launched(process, Integer.parseInt(matcher.group(1)), stderr, all);
  }

  @Test
  void printsTheProjectVersionFromItsManifest() throws Exception {
    Path jar = Path.of(System.getProperty("standalone.jar"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(java, "-jar", jar.toString(), "--version")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(out).isEqualTo("oss-emulator " + OssEmulator.version() + System.lineSeparator());
  }

  /**
   * On JDK 22 and later the JVM warns on stderr, four lines at every start, when Netty loads its
   * native transport from a jar whose manifest does not grant native access.
   */
  @Test
  void grantsNativeAccessSoNewerJdksStartWithoutWarnings() throws Exception {
    Path jar = Path.of(System.getProperty("standalone.jar"));
    try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
      assertThat(file.getManifest().getMainAttributes().getValue("Enable-Native-Access"))
          .isEqualTo("ALL-UNNAMED");
    }
  }

  @Test
  void startsWithDefaultsPrintsOneLineAnswersAndStopsOnSigterm() throws Exception {
    Launched jar = launch("defaults", "--port", "0");
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + jar.port() + "/nosuchbucket/"))
                      .method("HEAD", HttpRequest.BodyPublishers.noBody())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.headers().firstValue("x-oss-ec")).contains("0015-00000101");
      assertThat(Files.readString(jar.stderr())).as("nothing but the stdout line").isEmpty();

      jar.process().destroy(); // SIGTERM
      assertThat(jar.process().waitFor(5, TimeUnit.SECONDS)).isTrue();
      assertThat(jar.process().exitValue()).as("a clean stop on SIGTERM").isZero();
      assertThat(jar.stdout().get(5, TimeUnit.SECONDS)).as("exactly one line on stdout").hasSize(1);
    } finally {
      jar.process().destroyForcibly();
    }
  }

  /** Measured: 10 runs, half with a data directory (its blocking handler group stops too). */
  @Test
  void stopsWithinASecondOfSigtermRightAfterRequests() throws Exception {
    LongSummaryStatistics stops = new LongSummaryStatistics();
    for (int run = 0; run < 10; run++) {
      Launched jar =
          run % 2 == 0
              ? launch("run" + run, "--port=0")
              : launch("run" + run, "--port=0", "--data-dir=" + dir.resolve("data" + run));
      try {
        // One client, so its keep-alive connection is still open when the signal comes.
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 5; i++) {
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + jar.port() + "/b" + i + "/"))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
        }
        long signalled = System.nanoTime();
        jar.process().destroy();
        assertThat(jar.process().waitFor(5, TimeUnit.SECONDS)).isTrue();
        stops.accept((System.nanoTime() - signalled) / 1_000_000);
        assertThat(jar.process().exitValue()).isZero();
      } finally {
        jar.process().destroyForcibly();
      }
    }
    System.out.printf(
        "standalone jar: SIGTERM to exit over %d runs: min %d ms, max %d ms%n",
        stops.getCount(), stops.getMin(), stops.getMax());
    assertThat(stops.getMax()).isLessThan(1000);
  }

  private static List<String> readAll(BufferedReader reader, CompletableFuture<String> first) {
    List<String> lines = new ArrayList<>();
    try {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
        first.complete(line);
      }
    } catch (IOException e) {
      first.completeExceptionally(e);
      throw new UncheckedIOException(e);
    }
    first.complete(null);
    return lines;
  }
}
