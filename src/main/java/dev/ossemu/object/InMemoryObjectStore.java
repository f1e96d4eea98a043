package dev.ossemu.object;

import dev.ossemu.blob.StorageQuota;
import dev.ossemu.bucket.BucketLocks;
import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.UnaryOperator;

/**
 * Objects in memory, bounded by a {@link StorageQuota}. Every write holds its bucket's lock; the
 * store keeps one reference to each stored body ({@link dev.ossemu.blob.Blob#retain()}) and gives
 * it back when the body is replaced or removed. Only {@link #createBucket} makes a bucket's object
 * space; writes to a bucket without one fail with NoSuchBucket and reads see it empty.
 */
public final class InMemoryObjectStore implements ObjectStore {
  /** Key order: UTF-8 byte order, which is code point order (UTF-16 {@code compareTo} is not). */
  public static final Comparator<String> UTF8_ORDER =
      (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
          int ca = a.codePointAt(i);
          int cb = b.codePointAt(j);
          if (ca != cb) {
            return Integer.compare(ca, cb);
          }
          i += Character.charCount(ca);
          j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
      };

  private final StorageQuota quota;
  private final BucketLocks locks = new BucketLocks();
  private final Map<String, ConcurrentSkipListMap<String, OssObject>> objects =
      new ConcurrentHashMap<>();
  private final Map<String, Map<String, MultipartUpload>> uploads = new ConcurrentHashMap<>();

  public InMemoryObjectStore(StorageQuota quota) {
    this.quota = quota;
  }

  @Override
  public void createBucket(String bucket) {
    locks.run(
        bucket,
        () -> {
          objects.putIfAbsent(bucket, new ConcurrentSkipListMap<>(UTF8_ORDER));
          uploads.putIfAbsent(bucket, new ConcurrentHashMap<>());
        });
  }

  @Override
  public boolean hasBucket(String bucket) {
    return objects.containsKey(bucket);
  }

  /** The objects of a bucket that is being written: it must have been created. */
  private ConcurrentSkipListMap<String, OssObject> writable(String bucket) {
    ConcurrentSkipListMap<String, OssObject> map = objects.get(bucket);
    if (map == null) {
      throw OssException.noSuchBucket(bucket);
    }
    return map;
  }

  /** The objects of a bucket being read; an absent bucket reads as empty and stays absent. */
  private SortedMap<String, OssObject> readable(String bucket) {
    ConcurrentSkipListMap<String, OssObject> map = objects.get(bucket);
    return map == null ? EMPTY : map;
  }

  private static final SortedMap<String, OssObject> EMPTY =
      Collections.unmodifiableSortedMap(new TreeMap<>(UTF8_ORDER));

  @Override
  public Optional<OssObject> get(String bucket, String key) {
    return Optional.ofNullable(readable(bucket).get(key));
  }

  @Override
  public OssObject update(String bucket, String key, UnaryOperator<OssObject> change) {
    return locks.locked(
        bucket,
        () -> {
          ConcurrentSkipListMap<String, OssObject> map = writable(bucket);
          OssObject current = map.get(key);
          OssObject next = change.apply(current); // runs once: the lock, not a retry loop
          next.blob().retain(); // the store's reference, taken before the old one goes
          map.put(key, next);
          if (current != null) {
            current.blob().release();
          }
          return next;
        });
  }

  @Override
  public boolean delete(String bucket, String key) {
    return locks.locked(
        bucket,
        () -> {
          ConcurrentSkipListMap<String, OssObject> map = objects.get(bucket);
          OssObject removed = map == null ? null : map.remove(key);
          if (removed != null) {
            removed.blob().release();
          }
          return removed != null;
        });
  }

  @Override
  public SortedMap<String, OssObject> objectsFrom(String bucket, String fromKey) {
    return readable(bucket).tailMap(fromKey);
  }

  @Override
  public void addUpload(String bucket, MultipartUpload upload) {
    locks.run(bucket, () -> writableUploads(bucket).put(upload.uploadId(), upload));
  }

  private Map<String, MultipartUpload> writableUploads(String bucket) {
    writable(bucket);
    return uploads.get(bucket);
  }

  @Override
  public Optional<MultipartUpload> upload(String bucket, String uploadId) {
    return Optional.ofNullable(uploads.getOrDefault(bucket, Map.of()).get(uploadId));
  }

  @Override
  public void putPart(String bucket, MultipartUpload upload, MultipartUpload.Part part) {
    locks.run(
        bucket,
        () -> {
          if (writableUploads(bucket).get(upload.uploadId()) != upload) {
            // Aborted or completed meanwhile: a part must never land in a detached upload.
            throw OssException.of(OssErrorCode.NO_SUCH_UPLOAD)
                .extra("UploadId", upload.uploadId())
                .build();
          }
          part.blob().retain();
          MultipartUpload.Part replaced = upload.putPart(part);
          if (replaced != null) {
            replaced.blob().release();
          }
        });
  }

  @Override
  public boolean removeUpload(String bucket, String uploadId) {
    return locks.locked(
        bucket,
        () -> {
          MultipartUpload removed = uploads.getOrDefault(bucket, Map.of()).remove(uploadId);
          if (removed != null) {
            removed.parts().forEach(part -> part.blob().release());
          }
          return removed != null;
        });
  }

  @Override
  public List<MultipartUpload> uploads(String bucket) {
    List<MultipartUpload> list = new ArrayList<>(uploads.getOrDefault(bucket, Map.of()).values());
    list.sort(
        // OSS lists the uploads of one key by upload id (the Java SDK's UploadPartTest relies on
        // it), which is also the order upload-id-marker pages in.
        Comparator.comparing(MultipartUpload::key, UTF8_ORDER)
            .thenComparing(MultipartUpload::uploadId));
    return list;
  }

  @Override
  public boolean isEmpty(String bucket) {
    return readable(bucket).isEmpty() && uploads.getOrDefault(bucket, Map.of()).isEmpty();
  }

  @Override
  public void dropBucket(String bucket) {
    locks.run(
        bucket,
        () -> {
          ConcurrentSkipListMap<String, OssObject> removed = objects.remove(bucket);
          if (removed != null) {
            removed.values().forEach(object -> object.blob().release());
          }
          Map<String, MultipartUpload> pending = uploads.remove(bucket);
          if (pending != null) {
            pending.values().forEach(u -> u.parts().forEach(part -> part.blob().release()));
          }
        });
  }

  @Override
  public void clear() {
    new ArrayList<>(objects.keySet()).forEach(this::dropBucket);
    new ArrayList<>(uploads.keySet()).forEach(this::dropBucket);
  }

  /** The buckets that have an object space. */
  public Set<String> bucketNames() {
    return Set.copyOf(objects.keySet());
  }

  @Override
  public BucketLocks locks() {
    return locks;
  }

  @Override
  public StorageQuota quota() {
    return quota;
  }
}
