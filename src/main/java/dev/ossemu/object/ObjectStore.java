package dev.ossemu.object;

import dev.ossemu.blob.BodyStorage;
import dev.ossemu.blob.StorageQuota;
import dev.ossemu.bucket.BucketLocks;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.UnaryOperator;

/**
 * Where objects and multipart uploads live, per bucket. Keys are ordered by their UTF-8 bytes, as
 * OSS lists them. Replacing or removing a body gives its storage back.
 */
public interface ObjectStore {

  /**
   * Makes the empty object space of a bucket that exists (no-op when it has one). Nothing else
   * creates it: a write to a bucket without one fails with NoSuchBucket, so a deleted bucket's
   * objects can never come back under its name.
   */
  void createBucket(String bucket);

  /** Whether {@link #createBucket} made the bucket's object space and it was not dropped since. */
  boolean hasBucket(String bucket);

  Optional<OssObject> get(String bucket, String key);

  /**
   * Replaces the object at its key with {@code change} applied to the current one (null when
   * absent), atomically under the bucket's lock; {@code change} runs exactly once and an exception
   * from it leaves the store as it was. The store takes its own reference to the new body and gives
   * back the one it held on the old.
   *
   * @return the stored object
   */
  OssObject update(String bucket, String key, UnaryOperator<OssObject> change);

  /** Removes an object; false when there was none. */
  boolean delete(String bucket, String key);

  /** The bucket's objects from {@code fromKey} on (inclusive), in key order. */
  SortedMap<String, OssObject> objectsFrom(String bucket, String fromKey);

  /** Registers a new multipart upload. */
  void addUpload(String bucket, MultipartUpload upload);

  Optional<MultipartUpload> upload(String bucket, String uploadId);

  /**
   * Stores a part of an upload (taking a reference to its body), giving back the part it replaces.
   *
   * @throws dev.ossemu.error.OssException NoSuchUpload when the upload was completed or aborted
   */
  void putPart(String bucket, MultipartUpload upload, MultipartUpload.Part part);

  /**
   * Removes an upload and gives back the store's references to its parts (a completed object that
   * shares their bytes keeps them alive).
   */
  boolean removeUpload(String bucket, String uploadId);

  /** The bucket's uploads in progress, ordered by key then initiation. */
  List<MultipartUpload> uploads(String bucket);

  /** Whether the bucket holds no object and no upload (DeleteBucket needs that). */
  boolean isEmpty(String bucket);

  /** Removes everything of a bucket that is being deleted. */
  void dropBucket(String bucket);

  /** Removes everything. */
  void clear();

  /** Where upload bodies are written while they arrive: memory chunks unless overridden. */
  default BodyStorage bodies() {
    return BodyStorage.MEMORY;
  }

  /** The bound on stored bodies. */
  StorageQuota quota();

  /** The per-bucket locks every write into a bucket (and DeleteBucket) holds. */
  BucketLocks locks();
}
