package dev.ossemu.persist;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossemu.blob.BodyStorage;
import dev.ossemu.blob.StorageQuota;
import dev.ossemu.bucket.BucketLocks;
import dev.ossemu.object.InMemoryObjectStore;
import dev.ossemu.object.MultipartUpload;
import dev.ossemu.object.ObjectStore;
import dev.ossemu.object.OssObject;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Objects and multipart uploads indexed in memory and written through to the data directory; their
 * bodies live on disk only. An object is its data files plus a metadata file naming them (and how
 * many of their bytes are the body's); the metadata is written last, so a crash leaves either the
 * old object or the new one. A new version costs its new bytes ({@link BodyPlacement}): an append
 * extends the object's own file, a completed upload is made of its parts' files. Data files no
 * metadata names are leftovers of unacknowledged writes and are removed on start.
 *
 * <p>Writes hold their bucket's lock (the same {@link BucketLocks} the operations hold), not one
 * monitor for the whole store: writes into different buckets, fsyncs included, run in parallel.
 */
public final class PersistentObjectStore implements ObjectStore {
  private final InMemoryObjectStore memory;
  private final DataDirectory data;
  private final ObjectMapper json = new ObjectMapper();
  private final BodyStorage bodies;
  private final UploadFiles uploads;

  /** What describes each stored object's body (its data files), by bucket and key. */
  private final Map<String, Documents.BodyDoc> bodyDocs = new ConcurrentHashMap<>();

  /**
   * Loads the objects and uploads of a data directory.
   *
   * @throws DataDirectoryException for a damaged file
   */
  public PersistentObjectStore(DataDirectory data, StorageQuota quota)
      throws DataDirectoryException {
    this.data = data;
    this.memory = new InMemoryObjectStore(quota);
    this.bodies = StagedBody.storage(data);
    this.uploads = new UploadFiles(data, json, memory);
    new StoreLoader(data, json, quota, memory, bodyDocs).load();
  }

  /** The name of {@code key}'s metadata file, without {@code .meta} ({@link StoreLayout}). */
  static String keyHash(String key) {
    return StoreLayout.keyHash(key);
  }

  @Override
  public void createBucket(String bucket) {
    memory.createBucket(bucket); // its directories appear with its first write
  }

  @Override
  public boolean hasBucket(String bucket) {
    return memory.hasBucket(bucket);
  }

  @Override
  public Optional<OssObject> get(String bucket, String key) {
    return memory.get(bucket, key);
  }

  @Override
  public OssObject update(String bucket, String key, UnaryOperator<OssObject> change) {
    return locks().locked(bucket, () -> writeObject(bucket, key, change));
  }

  private OssObject writeObject(String bucket, String key, UnaryOperator<OssObject> change) {
    String hash = keyHash(key);
    Path directory = StoreLayout.objectDir(data, bucket);
    String index = bucket + "/" + key;
    Documents.BodyDoc previous = bodyDocs.get(index);
    Documents.BodyDoc[] written = new Documents.BodyDoc[1];
    OssObject stored =
        memory.update(
            bucket,
            key,
            current -> {
              OssObject next = change.apply(current);
              BodyPlacement.Placed placed =
                  BodyPlacement.place(
                      data,
                      directory,
                      hash,
                      current == null ? null : previous,
                      next.blob(),
                      BodyPlacement.partChecksums(
                          data, bucket, next.blob(), id -> memory.upload(bucket, id)));
              written[0] = placed.stored().doc();
              try {
                SealedDocument.write(
                    data,
                    json,
                    StoreLayout.objectMeta(directory, hash),
                    Documents.ObjectDoc.of(next, written[0]));
              } catch (RuntimeException e) {
                placed.undo().run();
                throw e;
              }
              // Kept as a view of its data files: the bytes live on disk only.
              return next.withBlob(placed.stored().blob());
            });
    bodyDocs.put(index, written[0]);
    if (previous != null) {
      // An append or a self-copy keeps its file: only what the new version does not name goes.
      List<String> kept = written[0].files();
      previous.files().stream()
          .filter(file -> !kept.contains(file))
          .forEach(file -> data.delete(directory.resolve(file)));
    }
    return stored;
  }

  @Override
  public boolean delete(String bucket, String key) {
    return locks()
        .locked(
            bucket,
            () -> {
              Path directory = StoreLayout.objectDir(data, bucket);
              data.delete(StoreLayout.objectMeta(directory, keyHash(key)));
              Documents.BodyDoc body = bodyDocs.remove(bucket + "/" + key);
              if (body != null) {
                body.files().forEach(file -> data.delete(directory.resolve(file)));
              }
              return memory.delete(bucket, key);
            });
  }

  @Override
  public SortedMap<String, OssObject> objectsFrom(String bucket, String fromKey) {
    return memory.objectsFrom(bucket, fromKey);
  }

  @Override
  public void addUpload(String bucket, MultipartUpload upload) {
    locks().run(bucket, () -> uploads.add(bucket, upload));
  }

  @Override
  public Optional<MultipartUpload> upload(String bucket, String uploadId) {
    return memory.upload(bucket, uploadId);
  }

  @Override
  public void putPart(String bucket, MultipartUpload upload, MultipartUpload.Part part) {
    locks().run(bucket, () -> uploads.putPart(bucket, upload, part));
  }

  @Override
  public boolean removeUpload(String bucket, String uploadId) {
    return locks().locked(bucket, () -> uploads.remove(bucket, uploadId));
  }

  @Override
  public List<MultipartUpload> uploads(String bucket) {
    return memory.uploads(bucket);
  }

  @Override
  public boolean isEmpty(String bucket) {
    return memory.isEmpty(bucket);
  }

  @Override
  public void dropBucket(String bucket) {
    locks()
        .run(
            bucket,
            () -> {
              StoreLoader.deleteTree(data, StoreLayout.objectDir(data, bucket));
              StoreLoader.deleteTree(data, StoreLayout.bucketUploads(data, bucket));
              bodyDocs.keySet().removeIf(index -> index.startsWith(bucket + "/"));
              memory.dropBucket(bucket);
            });
  }

  @Override
  public void clear() {
    Set<String> buckets = new HashSet<>(memory.bucketNames());
    buckets.addAll(StoreLoader.directoryNames(StoreLayout.objectsRoot(data)));
    buckets.addAll(StoreLoader.directoryNames(StoreLayout.uploadsRoot(data)));
    buckets.forEach(this::dropBucket);
  }

  /** Uploads are staged in the data directory as they arrive, never held in memory. */
  @Override
  public BodyStorage bodies() {
    return bodies;
  }

  @Override
  public BucketLocks locks() {
    return memory.locks();
  }

  @Override
  public StorageQuota quota() {
    return memory.quota();
  }
}
