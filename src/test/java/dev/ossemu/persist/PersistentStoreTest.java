package dev.ossemu.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossemu.blob.StorageQuota;
import dev.ossemu.bucket.BucketStore;
import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.bucket.SseAlgorithm;
import dev.ossemu.object.MultipartUpload;
import dev.ossemu.object.ObjectStore;
import dev.ossemu.object.OssObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract for the file-backed stores, plus what only they do: survive a restart. */
class PersistentStoreTest extends StoreContract {
  @TempDir Path dir;
  private DataDirectory data;
  private PersistentBucketStore buckets;
  private PersistentObjectStore objects;

  @BeforeEach
  void open() throws Exception {
    data = DataDirectory.open(dir);
    buckets = new PersistentBucketStore(data);
    objects = new PersistentObjectStore(data, quota);
  }

  @AfterEach
  void close() {
    data.close();
  }

  @Override
  BucketStore buckets() {
    return buckets;
  }

  @Override
  ObjectStore objects() {
    return objects;
  }

  private PersistentObjectStore reopen() throws Exception {
    data.close();
    data = DataDirectory.open(dir);
    buckets = new PersistentBucketStore(data);
    return new PersistentObjectStore(data, new StorageQuota(1 << 20));
  }

  /** A bucket as PutBucket makes it: its document, then its object space. */
  private void createB1() {
    buckets.createIfAbsent(bucket("b1", new EncryptionRule(SseAlgorithm.KMS, "k", "SM4")));
    objects.createBucket("b1");
  }

  @Test
  void everythingSurvivesARestart() throws Exception {
    createB1();
    put(objects, "b1", object("docs/é.txt", "hello"));
    put(objects, "b1", object("docs/é.txt", "hello again"));
    MultipartUpload upload = new MultipartUpload("U1", object("mp.bin", ""), NOW);
    objects.addUpload("b1", upload);
    putPart(objects, upload, 2, blob("part two"));

    PersistentObjectStore reopened = reopen();

    assertThat(buckets.find("b1").orElseThrow().encryption())
        .isEqualTo(new EncryptionRule(SseAlgorithm.KMS, "k", "SM4"));
    OssObject restored = reopened.get("b1", "docs/é.txt").orElseThrow();
    assertThat(text(restored)).isEqualTo("hello again");
    assertThat(restored.userMetadata()).containsEntry("x-oss-meta-author", "alice");
    assertThat(restored.encryption()).isEqualTo(object("x", "").encryption());
    assertThat(restored.blob().crc64()).isEqualTo(blob("hello again").crc64());
    MultipartUpload part = reopened.upload("b1", "U1").orElseThrow();
    assertThat(
            text(
                new OssObject(
                    "p",
                    part.part(2).blob(),
                    "",
                    NOW,
                    "Normal",
                    java.util.Map.of(),
                    java.util.Map.of(),
                    "default",
                    "Standard",
                    null)))
        .isEqualTo("part two");
    try (Stream<Path> files = Files.walk(dir)) {
      // One data file per object and part: replaced versions are gone.
      assertThat(files.filter(p -> p.toString().endsWith(".data")).count()).isEqualTo(2);
    }
  }

  @Test
  void removesLeftoversOfUnacknowledgedWrites() throws Exception {
    createB1();
    put(objects, "b1", object("k", "kept"));
    Path objectsDir = dir.resolve("objects").resolve("b1");
    Files.writeString(objectsDir.resolve("orphan-123.data"), "never acknowledged");
    Files.writeString(objectsDir.resolve("something.meta.tmp"), "half");

    PersistentObjectStore reopened = reopen();

    assertThat(text(reopened.get("b1", "k").orElseThrow())).isEqualTo("kept");
    assertThat(objectsDir.resolve("orphan-123.data")).doesNotExist();
    assertThat(objectsDir.resolve("something.meta.tmp")).doesNotExist();
  }

  @Test
  void refusesADamagedFileNamingIt() throws Exception {
    createB1();
    put(objects, "b1", object("k", "value"));
    Path meta;
    try (Stream<Path> files = Files.list(dir.resolve("objects").resolve("b1"))) {
      meta = files.filter(p -> p.toString().endsWith(".meta")).findFirst().orElseThrow();
    }
    byte[] content = Files.readAllBytes(meta);
    Files.write(meta, java.util.Arrays.copyOf(content, content.length - 5));

    assertThatThrownBy(this::reopen)
        .isInstanceOf(DataDirectoryException.class)
        .hasMessageContaining(meta.toString())
        .hasMessageContaining("bad checksum");
  }

  @Test
  void refusesATruncatedBodyNamingIt() throws Exception {
    createB1();
    put(objects, "b1", object("k", "value"));
    Path body;
    try (Stream<Path> files = Files.list(dir.resolve("objects").resolve("b1"))) {
      body = files.filter(p -> p.toString().endsWith(".data")).findFirst().orElseThrow();
    }
    Files.writeString(body, "val");

    assertThatThrownBy(this::reopen)
        .isInstanceOf(DataDirectoryException.class)
        .hasMessageContaining(body.toString())
        .hasMessageContaining("expected 5 bytes");
  }

  @Test
  void refusesAnUnknownFormatAForeignDirectoryAndASecondUser(@TempDir Path other) throws Exception {
    assertThatThrownBy(() -> DataDirectory.open(dir))
        .isInstanceOf(DataDirectoryException.class)
        .hasMessageContaining("in use by another emulator");

    Files.writeString(other.resolve("FORMAT"), "oss-emulator-data 99\n");
    assertThatThrownBy(() -> DataDirectory.open(other))
        .hasMessageContaining("FORMAT")
        .hasMessageContaining("unknown data format oss-emulator-data 99");

    Files.delete(other.resolve("FORMAT"));
    Files.writeString(other.resolve("notes.txt"), "someone else's files");
    assertThatThrownBy(() -> DataDirectory.open(other))
        .hasMessageContaining("not an oss-emulator data directory");
  }
}
