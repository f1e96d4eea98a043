package dev.ossemu.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.reliability.StoreHarness.Answer;
import dev.ossemu.reliability.StoreHarness.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disk full with {@code --data-dir}, on a small tmpfs the test mounts (skipped, saying so, where it
 * cannot mount one): writes are refused with 507 InsufficientStorage, no temporary file is left,
 * every acknowledged object stays readable, space freed by deletes can be written again, and a
 * restart loads everything.
 */
class DiskFullLongIT {
  @TempDir Path parent;
  private Path mount;
  private boolean mounted;

  @BeforeEach
  void mountSmallFilesystem() throws Exception {
    mount = Files.createDirectory(parent.resolve("small"));
    Process process =
        new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", mount.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    mounted = process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
    if (!mounted) {
      String reason = "DiskFullLongIT skipped: cannot mount a tmpfs here (" + output.trim() + ")";
      System.err.println(reason); // visible in the build output, not only in the report
      Assumptions.abort(reason);
    }
  }

  @AfterEach
  void unmount() throws Exception {
    if (mounted) {
      new ProcessBuilder("umount", mount.toString()).start().waitFor(20, TimeUnit.SECONDS);
    }
  }

  @Test
  void aFullDiskRefusesWritesKeepsWhatWasAcknowledgedAndRecovers() throws Exception {
    Path data = mount.resolve("data");
    List<String> acknowledged = new ArrayList<>();
    String body = "d".repeat(256 * 1024);
    Answer refused = null;
    try (StoreHarness oss = new StoreHarness(Kind.DISK, data, 1L << 30)) {
      assertThat(oss.send("PUT", "/full-bucket").status()).isEqualTo(200);
      for (int i = 0; i < 100 && refused == null; i++) {
        Answer answer = oss.send("PUT", "/full-bucket/k" + i, body);
        if (answer.ok()) {
          acknowledged.add("k" + i);
        } else {
          refused = answer;
        }
      }
      assertThat(refused).as("8 MiB fills up").isNotNull();
      assertThat(refused.status()).isEqualTo(507);
      assertThat(refused.code()).isEqualTo("InsufficientStorage");
      assertThat(temporaryFiles(data)).isEmpty();
      for (String key : acknowledged) {
        assertThat(oss.send("GET", "/full-bucket/" + key).body()).isEqualTo(body);
      }
      assertThat(oss.quota.used()).isEqualTo((long) acknowledged.size() * body.length());
      // Freeing space makes writes possible again.
      String freed = acknowledged.remove(0);
      assertThat(oss.send("DELETE", "/full-bucket/" + freed).status()).isEqualTo(204);
      assertThat(oss.send("PUT", "/full-bucket/after", "small").status()).isEqualTo(200);
      acknowledged.add("after");
    }
    try (StoreHarness restarted = new StoreHarness(Kind.DISK, data, 1L << 30)) {
      for (String key : acknowledged) {
        assertThat(restarted.send("GET", "/full-bucket/" + key).ok()).as(key).isTrue();
      }
    }
  }

  private static List<Path> temporaryFiles(Path root) throws Exception {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".tmp")).toList();
    }
  }
}
