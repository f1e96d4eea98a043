package dev.ossemu.persist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.blob.Blob;
import dev.ossemu.blob.BlobBuilder;
import dev.ossemu.blob.StorageQuota;
import dev.ossemu.object.MultipartUpload;
import dev.ossemu.object.OssObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A directory a write creates is durable only once its parent is forced (SQLite's rule; issue 13,
 * item 8). Nothing but a power loss shows a missing directory fsync, so these tests watch the
 * forces themselves, through {@link DataDirectory.Syncer}.
 */
class DirectorySyncTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  @TempDir Path dir;
  private final List<Path> forced = new CopyOnWriteArrayList<>();
  private DataDirectory data;
  private PersistentObjectStore objects;

  @BeforeEach
  void open() throws Exception {
    data =
        DataDirectory.open(
            dir,
            directory -> {
              DataDirectory.Syncer.DISK.force(directory);
              forced.add(directory);
            });
    objects = new PersistentObjectStore(data, new StorageQuota(1 << 20));
    objects.createBucket("fresh");
    forced.clear(); // what opening forced is not what the writes below must force
  }

  @AfterEach
  void close() {
    data.close();
  }

  private static OssObject object(String key, Blob blob) {
    return new OssObject(
        key, blob, "\"e\"", NOW, "Normal", Map.of(), Map.of(), "default", "Standard", null);
  }

  @Test
  void aPutIntoANewBucketForcesEachNewDirectoryInItsParentBeforeItReturns() {
    BlobBuilder body = new BlobBuilder(objects.quota());
    body.append("durable".getBytes(StandardCharsets.UTF_8));
    OssObject object = object("k", body.build());

    objects.update("fresh", "k", current -> object);
    object.blob().release();

    Path bucket = dir.resolve("objects").resolve("fresh");
    assertThat(forced)
        .as("objects/ in the data directory, objects/fresh/ in objects/, then the files")
        .containsSubsequence(dir, dir.resolve("objects"), bucket);
  }

  @Test
  void anInitiatedUploadForcesItsNewDirectoriesUpToTheDataDirectory() {
    MultipartUpload upload = new MultipartUpload("u1", object("mp", Blob.empty()), NOW);

    objects.addUpload("fresh", upload);

    Path uploads = dir.resolve("uploads");
    assertThat(forced)
        .containsSubsequence(
            dir, uploads, uploads.resolve("fresh"), uploads.resolve("fresh").resolve("u1"));
  }
}
