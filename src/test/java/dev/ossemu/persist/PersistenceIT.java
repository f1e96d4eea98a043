package dev.ossemu.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.ListMultipartUploadsRequest;
import com.aliyun.oss.model.SSEAlgorithm;
import com.aliyun.oss.model.ServerSideEncryptionByDefault;
import com.aliyun.oss.model.ServerSideEncryptionConfiguration;
import com.aliyun.oss.model.SetBucketEncryptionRequest;
import dev.ossemu.OssEmulator;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --data-dir}: state survives restarts, and every acknowledged write survives SIGKILL. */
class PersistenceIT {
  private static final Pattern LISTENING =
      Pattern.compile("oss-emulator listening on (http://127\\.0\\.0\\.1:\\d+) .*");

  @TempDir Path dir;

  private static OSS client(String endpoint) {
    ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
    conf.setMaxErrorRetry(0);
    conf.setConnectionTimeout(10_000);
    conf.setSocketTimeout(10_000);
    return OSSClientBuilder.create()
        .endpoint(endpoint)
        .credentialsProvider(new DefaultCredentialProvider("test-access-key", "test-secret-key"))
        .clientConfiguration(conf)
        .build();
  }

  private static byte[] body(int i) {
    byte[] bytes = new byte[1_000 + (i % 7) * 20_000];
    new Random(i).nextBytes(bytes);
    return bytes;
  }

  @Test
  void bucketsRulesObjectsAndUploadsSurviveARestart() throws Exception {
    String uploadId;
    try (OssEmulator first = OssEmulator.builder().dataDir(dir).build().start()) {
      OSS client = client(first.endpoint());
      client.createBucket("kept-bucket");
      ServerSideEncryptionConfiguration rule = new ServerSideEncryptionConfiguration();
      rule.setApplyServerSideEncryptionByDefault(
          new ServerSideEncryptionByDefault(SSEAlgorithm.SM4));
      client.setBucketEncryption(new SetBucketEncryptionRequest("kept-bucket", rule));
      client.putObject("kept-bucket", "a/b.txt", new ByteArrayInputStream("kept".getBytes()));
      uploadId =
          client
              .initiateMultipartUpload(new InitiateMultipartUploadRequest("kept-bucket", "mp.bin"))
              .getUploadId();
      client.shutdown();
      assertThatThrownBy(() -> OssEmulator.builder().dataDir(dir).build())
          .hasMessageContaining("in use by another emulator");
    }
    try (OssEmulator second = OssEmulator.builder().dataDir(dir).build().start()) {
      OSS client = client(second.endpoint());
      try {
        assertThat(
                client
                    .getBucketEncryption("kept-bucket")
                    .getApplyServerSideEncryptionByDefault()
                    .getSSEAlgorithm())
            .isEqualTo("SM4");
        try (InputStream in = client.getObject("kept-bucket", "a/b.txt").getObjectContent()) {
          assertThat(new String(in.readAllBytes())).isEqualTo("kept");
        }
        assertThat(client.getObjectMetadata("kept-bucket", "a/b.txt").getServerSideEncryption())
            .isEqualTo("SM4");
        assertThat(
                client
                    .listMultipartUploads(new ListMultipartUploadsRequest("kept-bucket"))
                    .getMultipartUploads())
            .extracting(u -> u.getUploadId())
            .containsExactly(uploadId);
      } finally {
        client.shutdown();
      }
    }
  }

  @Test
  void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
    Path jar = Path.of(System.getProperty("standalone.jar"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                java, "-jar", jar.toString(), "--port", "0", "--data-dir", dir.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    List<Integer> acknowledged = new CopyOnWriteArrayList<>();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line = CompletableFuture.supplyAsync(() -> readLine(out)).get(20, TimeUnit.SECONDS);
      Matcher listening = LISTENING.matcher(line);
      assertThat(listening.matches()).as(line).isTrue();
      OSS client = client(listening.group(1));
      client.createBucket("crash-bucket");
      Thread writer =
          new Thread(
              () -> {
                for (int i = 0; ; i++) {
                  try {
                    client.putObject("crash-bucket", "k-" + i, new ByteArrayInputStream(body(i)));
                    acknowledged.add(i);
                  } catch (RuntimeException e) {
                    return; // the server is gone
                  }
                }
              });
      writer.start();
      while (acknowledged.size() < 30) {
        Thread.sleep(10);
      }
      process.destroyForcibly(); // SIGKILL in the middle of the stream of writes
      assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
      writer.join(10_000);
      client.shutdown();
    } finally {
      process.destroyForcibly();
    }

    try (OssEmulator restarted = OssEmulator.builder().dataDir(dir).build().start()) {
      OSS client = client(restarted.endpoint());
      try {
        for (int i : acknowledged) {
          try (InputStream in = client.getObject("crash-bucket", "k-" + i).getObjectContent()) {
            assertThat(in.readAllBytes()).as("object k-" + i).isEqualTo(body(i));
          }
        }
        // Whatever else is there is whole: loading checked every body against its checksum.
        assertThat(client.listObjects("crash-bucket").getObjectSummaries().size())
            .isGreaterThanOrEqualTo(acknowledged.size());
      } finally {
        client.shutdown();
      }
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
