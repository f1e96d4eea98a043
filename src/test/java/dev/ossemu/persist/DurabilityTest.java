package dev.ossemu.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ossemu.blob.BlobBuilder;
import dev.ossemu.blob.StorageQuota;
import dev.ossemu.bucket.Bucket;
import dev.ossemu.object.OssObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Temporary files, failed writes, and what a crash leaves for the next start to clean up. */
class DurabilityTest {
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  @TempDir Path dir;
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private final List<Logger> captured = new ArrayList<>();
  private DataDirectory data;

  @AfterEach
  void close() {
    if (data != null) {
      data.close();
    }
    for (Logger logger : captured) {
      logger.detachAppender(events);
      logger.setAdditive(true);
      logger.setLevel(null);
    }
  }

  private void capture(Class<?> type) {
    Logger logger = (Logger) LoggerFactory.getLogger(type);
    logger.setLevel(Level.INFO);
    logger.setAdditive(false); // captured, not printed
    logger.addAppender(events);
    events.start();
    captured.add(logger);
  }

  private List<String> temporaryFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
    }
  }

  /** Content that fails part-way, as a write does when the disk fills up. */
  private static List<ByteBuffer> failingAfterOneSlice() {
    return new AbstractList<>() {
      @Override
      public ByteBuffer get(int index) {
        if (index > 0) {
          throw new UncheckedIOException(new IOException("No space left on device"));
        }
        return ByteBuffer.wrap(new byte[1 << 20]);
      }

      @Override
      public int size() {
        return 2;
      }
    };
  }

  @Test
  void aFailedWriteDeletesItsTemporaryFileAndLeavesTheOldFile() throws Exception {
    data = DataDirectory.open(dir);
    Path target = dir.resolve("objects").resolve("b").resolve("k.meta");
    data.write(target, "old".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> data.write(target, failingAfterOneSlice()))
        .hasMessageContaining("No space left on device");

    assertThat(temporaryFiles()).isEmpty();
    assertThat(Files.readString(target)).isEqualTo("old");
  }

  @Test
  void temporaryNamesAreUniquePerWrite() throws Exception {
    data = DataDirectory.open(dir);
    Path target = dir.resolve("buckets").resolve("b.json");
    List<String> seen = new ArrayList<>();
    List<ByteBuffer> outer =
        new AbstractList<>() {
          @Override
          public ByteBuffer get(int index) {
            // A second write of the same file while the first is half-way through its bytes.
            data.write(target, "inner".getBytes(StandardCharsets.UTF_8));
            try {
              seen.addAll(temporaryFiles());
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            return ByteBuffer.wrap("outer".getBytes(StandardCharsets.UTF_8));
          }

          @Override
          public int size() {
            return 1;
          }
        };

    data.write(target, outer);

    assertThat(seen).hasSize(1).allMatch(n -> n.startsWith("b.json.") && n.endsWith(".tmp"));
    assertThat(Files.readString(target)).isEqualTo("outer"); // whole, never a mix
    assertThat(temporaryFiles()).isEmpty();
  }

  @Test
  void startUpRemovesLeftoverTemporaryFilesAndLogsTheCountOnce() throws Exception {
    Files.createDirectories(dir.resolve("buckets"));
    Files.createDirectories(dir.resolve("objects").resolve("b"));
    Files.writeString(dir.resolve("FORMAT"), DataDirectory.FORMAT + "\n");
    Files.writeString(dir.resolve("buckets").resolve("b.json.tmp"), "half");
    Files.writeString(dir.resolve("objects").resolve("b").resolve("k.meta.1234.tmp"), "half");
    capture(DataDirectory.class);

    data = DataDirectory.open(dir);

    assertThat(temporaryFiles()).isEmpty();
    assertThat(events.list)
        .singleElement()
        .satisfies(e -> assertThat(e.getFormattedMessage()).contains("removed 2 temporary files"));
  }

  @Test
  void startUpRemovesWhatADeletedBucketLeftAndLogsItOnce() throws Exception {
    data = DataDirectory.open(dir);
    PersistentBucketStore buckets = new PersistentBucketStore(data);
    PersistentObjectStore objects = new PersistentObjectStore(data, new StorageQuota(1 << 20));
    buckets.createIfAbsent(bucket("ghost"));
    objects.createBucket("ghost");
    BlobBuilder body = new BlobBuilder(objects.quota());
    body.append("private".getBytes(StandardCharsets.UTF_8));
    OssObject object =
        new OssObject(
            "k",
            body.build(),
            "\"e\"",
            NOW,
            "Normal",
            Map.of(),
            Map.of(),
            "default",
            "Standard",
            null);
    objects.update("ghost", "k", current -> object);
    object.blob().release();
    // A crash between the bucket document's deletion and its objects' (an older build did that).
    Files.delete(dir.resolve("buckets").resolve("ghost.json"));
    data.close();
    capture(StoreLoader.class);

    data = DataDirectory.open(dir);
    buckets = new PersistentBucketStore(data);
    StorageQuota quota = new StorageQuota(1 << 20);
    objects = new PersistentObjectStore(data, quota);

    assertThat(objects.get("ghost", "k")).isEmpty();
    assertThat(dir.resolve("objects").resolve("ghost")).doesNotExist();
    assertThat(quota.used()).isZero();
    assertThat(events.list)
        .singleElement()
        .satisfies(e -> assertThat(e.getFormattedMessage()).startsWith("removed 1 objects"));
    buckets.createIfAbsent(bucket("ghost"));
    objects.createBucket("ghost");
    assertThat(objects.isEmpty("ghost")).isTrue();
  }

  private static Bucket bucket(String name) {
    return new Bucket(
        name, "1234567890123456", "cn-hangzhou", NOW, "Standard", "LRS", "private", null);
  }
}
