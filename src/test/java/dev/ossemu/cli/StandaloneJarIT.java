package dev.ossemu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The built standalone jar, as a user runs it: starts with embedded defaults, prints its endpoint,
 * answers OSS requests, and stops promptly on SIGTERM.
 */
class StandaloneJarIT {
  private static final Pattern LISTENING =
      Pattern.compile(
          "oss-emulator listening on http://127\\.0\\.0\\.1:(\\d+) "
              + "\\(region cn-hangzhou, access key test-access-key\\)");

  @Test
  void startsWithDefaultsAnswersAndStopsOnSigterm() throws Exception {
    Path jar = Path.of(System.getProperty("standalone.jar"));
    assertThat(jar).exists();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    long startNanos = System.nanoTime();
    Process process =
        new ProcessBuilder(List.of(java, "-jar", jar.toString(), "--port", "0"))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try {
      BufferedReader stdout =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line = CompletableFuture.supplyAsync(() -> readLine(stdout)).get(20, TimeUnit.SECONDS);
      long startupMillis = (System.nanoTime() - startNanos) / 1_000_000;
      System.out.printf("standalone jar: first line after %d ms%n", startupMillis);
      Matcher matcher = LISTENING.matcher(line);
      assertThat(matcher.matches()).as(line).isTrue();

      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + matcher.group(1) + "/nosuchbucket/"))
                      .method("HEAD", HttpRequest.BodyPublishers.noBody())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.headers().firstValue("x-oss-ec")).contains("0015-00000101");

      long stopNanos = System.nanoTime();
      process.destroy(); // SIGTERM
      assertThat(process.waitFor(5, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as("a clean stop on SIGTERM").isZero();
      long stopMillis = (System.nanoTime() - stopNanos) / 1_000_000;
      System.out.printf("standalone jar: stopped %d ms after SIGTERM%n", stopMillis);
      assertThat(stopMillis).isLessThan(Duration.ofSeconds(2).toMillis());
    } finally {
      process.destroyForcibly();
    }
    assertThat(Files.exists(jar)).isTrue();
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
