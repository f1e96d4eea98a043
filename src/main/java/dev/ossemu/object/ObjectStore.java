package dev.ossemu.object;

import dev.ossemu.blob.StorageQuota;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.UnaryOperator;

/**
 * Where objects and multipart uploads live, per bucket. Keys are ordered by their UTF-8 bytes, as
 * OSS lists them. Replacing or removing a body gives its storage back.
 */
public interface ObjectStore {

  Optional<OssObject> get(String bucket, String key);

  /**
   * Replaces the object at its key with {@code change} applied to the current one (null when
   * absent), atomically; an exception from {@code change} leaves the store as it was.
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

  /** Stores a part of an upload, giving back the storage of the part it replaces. */
  void putPart(String bucket, MultipartUpload upload, MultipartUpload.Part part);

  /** Removes an upload and gives its parts' storage back unless {@code keepParts}. */
  boolean removeUpload(String bucket, String uploadId, boolean keepParts);

  /** The bucket's uploads in progress, ordered by key then initiation. */
  List<MultipartUpload> uploads(String bucket);

  /** Whether the bucket holds no object and no upload (DeleteBucket needs that). */
  boolean isEmpty(String bucket);

  /** Removes everything of a bucket that is being deleted. */
  void dropBucket(String bucket);

  /** Removes everything. */
  void clear();

  /** The bound on stored bodies. */
  StorageQuota quota();
}
