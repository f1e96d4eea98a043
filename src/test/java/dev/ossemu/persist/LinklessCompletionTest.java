package dev.ossemu.persist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.blob.Blob;
import dev.ossemu.blob.OpenBlob;
import dev.ossemu.blob.StorageQuota;
import dev.ossemu.object.OssObject;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

  private static Set<Object> inodes(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(p -> p.toString().endsWith(".data"))
          .map(UploadedParts::inode)
          .collect(Collectors.toSet());
    }
  }

  /**
   * Complete up to its commit point, then the upload's removal, as CompleteMultipartUpload does.
   */
  private Blob complete() throws DataDirectoryException {
    Blob joined = Blob.concat(UploadedParts.upload(data, objects, first, second));
    objects.update("b", "mp", current -> UploadedParts.object("mp", joined, "Multipart"));
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
