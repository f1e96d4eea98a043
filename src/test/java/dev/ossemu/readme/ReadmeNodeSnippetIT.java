package dev.ossemu.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import dev.ossemu.OssEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's ali-oss snippet, run as written with Node against an emulator (its port instead of
 * 9000). {@code ali-oss} comes from the npm registry into {@code target/}, once. Skipped, with a
 * message saying so, when {@code node} or {@code npm} is missing or the registry cannot be reached.
 */
class ReadmeNodeSnippetIT {
  private static final Path WORK = Path.of("target", "readme-node");

  @Test
  void theAliOssSnippetCreatesItsBucketAndSetsTheRule() throws Exception {
    List<Snippets.Snippet> snippets = Snippets.all("js");
    assertThat(snippets).hasSize(1);
    requireTools();
    try (OssEmulator emulator = OssEmulator.builder().build().start()) {
      String script =
          snippets.get(0).code().replace("localhost:9000", "localhost:" + emulator.port());
      Path file = Files.writeString(WORK.resolve("snippet.js"), script);
      Result node = run(List.of("node", file.getFileName().toString()), 60);
      assertThat(node.status()).as(node.output()).isZero();

      OSS client =
          new OSSClientBuilder().build(emulator.endpoint(), "test-access-key", "test-secret-key");
      try {
        assertThat(
                client
                    .getBucketEncryption("examplebucket")
                    .getApplyServerSideEncryptionByDefault()
                    .getSSEAlgorithm())
            .isEqualTo("AES256");
      } finally {
        client.shutdown();
      }
    }
  }

  private static void requireTools() throws Exception {
    Files.createDirectories(WORK);
    boolean node = available("node") && available("npm");
    if (!node) {
      System.out.println("README ali-oss snippet skipped: node or npm is not installed");
    }
    assumeTrue(node, "node or npm is not installed");
    if (!Files.isDirectory(WORK.resolve("node_modules/ali-oss"))) {
      Result install =
          run(List.of("npm", "install", "--no-audit", "--no-fund", "--silent", "ali-oss"), 300);
      if (install.status() != 0) {
        System.out.println("README ali-oss snippet skipped: npm install ali-oss failed");
      }
      assumeTrue(install.status() == 0, "npm install ali-oss failed: " + install.output());
    }
  }

  private static boolean available(String tool) {
    try {
      return run(List.of(tool, "--version"), 30).status() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private record Result(int status, String output) {}

  private static Result run(List<String> command, long seconds)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return new Result(-1, "timed out: " + command);
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
