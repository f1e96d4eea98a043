package dev.ossemu.persist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.blob.Blob;
import dev.ossemu.blob.OpenBlob;
import dev.ossemu.blob.StorageQuota;
import dev.ossemu.object.OssObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A completed upload's object shares its parts' files (hard links) until Complete removes the
 * upload. A crash in between leaves both the object and the upload; neither may harm the other.
 */
class CompletedSegmentsTest {
  @TempDir Path dir;
  private DataDirectory data;
  private StorageQuota quota;
  private PersistentObjectStore objects;

  @AfterEach
  void close() {
    data.close();
  }

  private void open() throws Exception {
    data = DataDirectory.open(dir);
    quota = new StorageQuota(1 << 24);
    objects = new PersistentObjectStore(data, quota);
  }

  private List<Object> inodes(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(p -> p.toString().endsWith(".data"))
          .map(UploadedParts::inode)
          .sorted(java.util.Comparator.comparing(Object::toString))
          .toList();
    }
  }

  @Test
  void aCrashBetweenTheObjectAndTheUploadsRemovalKeepsBothWhole() throws Exception {
    open();
    byte[] first = new byte[150_000];
    byte[] second = new byte[7_000];
    new Random(1).nextBytes(first);
    new Random(2).nextBytes(second);
    List<Blob> parts = UploadedParts.upload(data, objects, first, second);
    Blob joined = Blob.concat(parts);
    // What Complete does up to its commit point; the crash comes before the upload is removed.
    objects.update("b", "mp", current -> UploadedParts.object("mp", joined, "Multipart"));
    joined.release();
    Path objectDir = dir.resolve("objects").resolve("b");
    Path uploadDir = dir.resolve("uploads").resolve("b").resolve("u1");
    assertThat(inodes(objectDir)).as("the parts' own files").isEqualTo(inodes(uploadDir));
    Path meta = objectDir.resolve(PersistentObjectStore.keyHash("mp") + ".meta");
    String json = new String(SealedDocument.unseal(meta), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(json)
        .as("each segment with its length and CRC-64")
        .contains("\"length\":150000,\"crc64\":\"" + parts.get(0).crc64() + "\"")
        .contains("\"length\":7000,\"crc64\":\"" + parts.get(1).crc64() + "\"");
    data.close();

    open();
    assertThat(objects.upload("b", "u1")).isPresent();
    OssObject loaded = objects.get("b", "mp").orElseThrow();
    assertThat(loaded.blob().extents()).hasSize(2);
    assertThat(loaded.blob().crc64()).isEqualTo(Blob.concat(parts).crc64());
    assertThat(objects.removeUpload("b", "u1")).isTrue(); // the client aborts the leftover upload

    assertThat(uploadDir).doesNotExist();
    try (OpenBlob open = OpenBlob.open(loaded.blob(), 0, loaded.size())) {
      byte[] read = open.readAll();
      assertThat(read).hasSize(first.length + second.length);
      assertThat(java.util.Arrays.copyOfRange(read, 0, first.length)).isEqualTo(first);
      assertThat(java.util.Arrays.copyOfRange(read, first.length, read.length)).isEqualTo(second);
    }
    assertThat(quota.used()).as("only the object's bytes stay reserved").isEqualTo(157_000);
  }
}
