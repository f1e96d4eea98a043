package dev.ossemu.persist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.blob.Blob;
import dev.ossemu.blob.BlobBuilder;
import dev.ossemu.blob.OpenBlob;
import dev.ossemu.blob.StorageQuota;
import dev.ossemu.bucket.Bucket;
import dev.ossemu.object.MultipartUpload;
import dev.ossemu.object.OssObject;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a file system without hard links (FAT, some network and container volumes), a completed upload
 * cannot share its parts' files: its bytes are copied into a file of the object's own, and a link
 * made before the file system refused the next one is taken back. Either way the object is whole,
 * before and after a restart, and only its bytes stay reserved.
 */
class LinklessCompletionTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  @TempDir Path dir;
  private DataDirectory data;
  private StorageQuota quota;
  private PersistentObjectStore objects;
  private final byte[] first = random(150_000, 1);
  private final byte[] second = random(7_000, 2);

  @AfterEach
  void close() {
    data.close();
  }

  private void open(DataDirectory.Linker linker) throws Exception {
    data = DataDirectory.open(dir, DataDirectory.Syncer.DISK, linker);
    quota = new StorageQuota(1 << 24);
    objects = new PersistentObjectStore(data, quota);
  }

  private static byte[] random(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static OssObject object(String key, Blob blob) {
    return new OssObject(
        key, blob, "\"E-2\"", NOW, "Multipart", Map.of(), Map.of(), "default", "Standard", null);
  }

  private static Set<Object> inodes(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(p -> p.toString().endsWith(".data"))
          .map(LinklessCompletionTest::inode)
          .collect(Collectors.toSet());
    }
  }

  private static Object inode(Path file) {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Complete up to its commit point, then the upload's removal, as CompleteMultipartUpload does.
   */
  private Blob complete() throws Exception {
    new PersistentBucketStore(data)
        .createIfAbsent(
            new Bucket(
                "b", "1234567890123456", "cn-hangzhou", NOW, "Standard", "LRS", "private", null));
    objects.createBucket("b");
    MultipartUpload upload = new MultipartUpload("u1", object("mp", Blob.empty()), NOW);
    objects.addUpload("b", upload);
    int n = 1;
    for (byte[] bytes : List.of(first, second)) {
      BlobBuilder builder = new BlobBuilder(objects.quota());
      builder.append(bytes);
      Blob body = builder.build();
      objects.putPart("b", upload, new MultipartUpload.Part(n++, body, NOW));
      body.release();
    }
    List<Blob> parts =
        objects.upload("b", "u1").orElseThrow().parts().stream()
            .map(MultipartUpload.Part::blob)
            .toList();
    Blob joined = Blob.concat(parts);
    objects.update("b", "mp", current -> object("mp", joined));
    return joined;
  }

  private void assertWhole(Blob expected) throws IOException {
    OssObject loaded = objects.get("b", "mp").orElseThrow();
    assertThat(loaded.blob().crc64()).isEqualTo(expected.crc64());
    try (OpenBlob open = OpenBlob.open(loaded.blob(), 0, loaded.size())) {
      byte[] read = open.readAll();
      assertThat(read).hasSize(first.length + second.length);
      assertThat(Arrays.copyOfRange(read, 0, first.length)).isEqualTo(first);
      assertThat(Arrays.copyOfRange(read, first.length, read.length)).isEqualTo(second);
    }
  }

  private void assertCopiedAndRestartable(Blob joined, Set<Object> partFiles) throws Exception {
    Path objectDir = dir.resolve("objects").resolve("b");
    assertThat(inodes(objectDir))
        .as("one file of the object's own, none of the parts' files")
        .hasSize(1)
        .doesNotContainAnyElementsOf(partFiles);
    assertThat(objects.removeUpload("b", "u1")).isTrue();
    assertWhole(joined);
    joined.release();
    data.close();

    open(DataDirectory.Linker.DISK);
    assertWhole(joined);
    assertThat(quota.used()).as("only the object's bytes stay reserved").isEqualTo(157_000);
  }

  @Test
  void withoutHardLinksACompletionCopiesThePartsIntoTheObjectsOwnFile() throws Exception {
    open(
        (link, existing) -> {
          throw new UnsupportedOperationException("no hard links here");
        });
    Path uploadDir = dir.resolve("uploads").resolve("b").resolve("u1");

    Blob joined = complete();

    assertCopiedAndRestartable(joined, inodes(uploadDir));
  }

  @Test
  void aLinkMadeBeforeTheFileSystemRefusedTheNextIsTakenBack() throws Exception {
    List<Path> made = new ArrayList<>();
    open(
        (link, existing) -> {
          if (!made.isEmpty()) {
            throw new FileSystemException(link.toString(), null, "Too many links");
          }
          Files.createLink(link, existing);
          made.add(link);
        });
    Path uploadDir = dir.resolve("uploads").resolve("b").resolve("u1");

    Blob joined = complete();

    assertThat(made).hasSize(1);
    assertThat(made.get(0)).as("the first part's link, taken back").doesNotExist();
    assertCopiedAndRestartable(joined, inodes(uploadDir));
  }
}
