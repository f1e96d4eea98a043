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

  /**
   * An append writes into the object's own file: on a full disk it is refused, and the file is cut
   * back to the committed length, so the object reads as before and the next append fits.
   */
  @Test
  void anAppendThatDoesNotFitLeavesTheObjectAsItWas() throws Exception {
    Path data = mount.resolve("data");
    String head = "h".repeat(10 * 1024);
    String tail = "t".repeat(512 * 1024);
    try (StoreHarness oss = new StoreHarness(Kind.DISK, data, 1L << 30)) {
      assertThat(oss.send("PUT", "/full-bucket").status()).isEqualTo(200);
      assertThat(oss.send("POST", "/full-bucket/log?append&position=0", head).status())
          .isEqualTo(200);
      List<String> fillers = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        if (!oss.send("PUT", "/full-bucket/f" + i, "f".repeat(256 * 1024)).ok()) {
          break;
        }
        fillers.add("f" + i);
      }

      Answer refused = oss.send("POST", "/full-bucket/log?append&position=" + head.length(), tail);

      assertThat(refused.status()).isEqualTo(507);
      assertThat(refused.code()).isEqualTo("InsufficientStorage");
      assertThat(oss.send("GET", "/full-bucket/log").body()).isEqualTo(head);
      assertThat(dataFileSizes(data.resolve("objects").resolve("full-bucket")))
          .as("the object's file cut back to its committed length")
          .contains((long) head.length());
      assertThat(temporaryFiles(data)).isEmpty();
      for (String filler : fillers.subList(0, 3)) {
        assertThat(oss.send("DELETE", "/full-bucket/" + filler).status()).isEqualTo(204);
      }
      assertThat(
              oss.send("POST", "/full-bucket/log?append&position=" + head.length(), tail).status())
          .isEqualTo(200);
    }
    try (StoreHarness restarted = new StoreHarness(Kind.DISK, data, 1L << 30)) {
      assertThat(restarted.send("GET", "/full-bucket/log").body()).isEqualTo(head + tail);
    }
  }

  private static List<Long> dataFileSizes(Path directory) throws Exception {
    try (Stream<Path> files = Files.list(directory)) {
      List<Long> sizes = new ArrayList<>();
      for (Path file : files.filter(p -> p.toString().endsWith(".data")).toList()) {
        sizes.add(Files.size(file));
      }
      return sizes;
    }
  }

  private static List<Path> temporaryFiles(Path root) throws Exception {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".tmp")).toList();
    }
  }
}
