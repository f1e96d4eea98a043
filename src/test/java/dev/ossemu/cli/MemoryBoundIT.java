package dev.ossemu.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone jar in a small heap, as in a container with {@code -m 128m}: with the default
 * storage bound (half the heap there) uploads past it get 507 InsufficientStorage, and the JVM
 * never runs out of memory; it keeps answering and stops cleanly.
 */
class MemoryBoundIT {
  private static final Pattern LISTENING =
      Pattern.compile("oss-emulator listening on http://127\\.0\\.0\\.1:(\\d+) .*");
  private static final int MIB = 1024 * 1024;

  @TempDir Path dir;

  @Test
  void uploadsPastTheDefaultBoundGet507NotAnOutOfMemoryError() throws Exception {
    Path jar = Path.of(System.getProperty("standalone.jar"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path stderr = dir.resolve("stderr");
    Process process =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx96m",
                    "-XX:+ExitOnOutOfMemoryError",
                    "-jar",
                    jar.toString(),
                    "--port",
                    "0"))
            .redirectError(ProcessBuilder.Redirect.to(stderr.toFile()))
            .start();
    OSS client = null;
    try {
      BufferedReader stdout =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line = CompletableFuture.supplyAsync(() -> readLine(stdout)).get(20, TimeUnit.SECONDS);
      Matcher matcher = LISTENING.matcher(String.valueOf(line));
      assertThat(matcher.matches()).as(line).isTrue();
      client = client("http://127.0.0.1:" + matcher.group(1));
      client.createBucket("membucket");

      // Half of a 96 MiB heap is at most 48 MiB: two 20 MiB objects fit, a third does not.
      byte[] body = new byte[20 * MIB];
      client.putObject("membucket", "a", new ByteArrayInputStream(body));
      client.putObject("membucket", "b", new ByteArrayInputStream(body));
      OSS oss = client;
      OSSException refused =
          catchThrowableOfType(
              OSSException.class,
              () -> oss.putObject("membucket", "c", new ByteArrayInputStream(body)));
      assertThat(refused.getErrorCode()).isEqualTo("InsufficientStorage");
      for (int i = 0; i < 3; i++) {
        OSSException again =
            catchThrowableOfType(
                OSSException.class,
                () -> oss.putObject("membucket", "d", new ByteArrayInputStream(body)));
        assertThat(again.getErrorCode()).isEqualTo("InsufficientStorage");
      }

      assertThat(client.getObject("membucket", "a").getObjectMetadata().getContentLength())
          .isEqualTo(body.length);
      client.deleteObject("membucket", "b");
      client.putObject("membucket", "c", new ByteArrayInputStream(body));
      assertThat(process.isAlive()).isTrue();
      assertThat(Files.readString(stderr)).doesNotContain("OutOfMemoryError");
    } finally {
      if (client != null) {
        client.shutdown();
      }
      process.destroy();
      assertThat(process.waitFor(5, TimeUnit.SECONDS)).isTrue();
      process.destroyForcibly();
    }
    assertThat(process.exitValue()).as("a clean stop, not a JVM that ran out").isZero();
  }

  private static OSS client(String endpoint) {
    ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
    conf.setMaxErrorRetry(0);
    return OSSClientBuilder.create()
        .endpoint(endpoint)
        .credentialsProvider(new DefaultCredentialProvider("test-access-key", "test-secret-key"))
        .clientConfiguration(conf)
        .build();
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
