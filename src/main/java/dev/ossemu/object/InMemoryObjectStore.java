package dev.ossemu.object;

import dev.ossemu.blob.StorageQuota;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.UnaryOperator;

/** Objects in memory, bounded by a {@link StorageQuota}. */
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
  private final Map<String, ConcurrentSkipListMap<String, OssObject>> objects =
      new ConcurrentHashMap<>();
  private final Map<String, Map<String, MultipartUpload>> uploads = new ConcurrentHashMap<>();

  public InMemoryObjectStore(StorageQuota quota) {
    this.quota = quota;
  }

  private ConcurrentSkipListMap<String, OssObject> bucket(String bucket) {
    return objects.computeIfAbsent(bucket, b -> new ConcurrentSkipListMap<>(UTF8_ORDER));
  }

  @Override
  public Optional<OssObject> get(String bucket, String key) {
    return Optional.ofNullable(bucket(bucket).get(key));
  }

  @Override
  public OssObject update(String bucket, String key, UnaryOperator<OssObject> change) {
    OssObject[] replaced = new OssObject[1];
    OssObject stored =
        bucket(bucket)
            .compute(
                key,
                (k, current) -> {
                  OssObject next = change.apply(current);
                  replaced[0] = current;
                  return next;
                });
    if (replaced[0] != null && replaced[0].blob() != stored.blob()) {
      quota.release(replaced[0].size());
    }
    return stored;
  }

  @Override
  public boolean delete(String bucket, String key) {
    OssObject removed = bucket(bucket).remove(key);
    if (removed != null) {
      quota.release(removed.size());
    }
    return removed != null;
  }

  @Override
  public SortedMap<String, OssObject> objectsFrom(String bucket, String fromKey) {
    return bucket(bucket).tailMap(fromKey, true);
  }

  @Override
  public void addUpload(String bucket, MultipartUpload upload) {
    uploads.computeIfAbsent(bucket, b -> new ConcurrentHashMap<>()).put(upload.uploadId(), upload);
  }

  @Override
  public Optional<MultipartUpload> upload(String bucket, String uploadId) {
    return Optional.ofNullable(uploads.getOrDefault(bucket, Map.of()).get(uploadId));
  }

  @Override
  public void putPart(String bucket, MultipartUpload upload, MultipartUpload.Part part) {
    MultipartUpload.Part replaced = upload.putPart(part);
    if (replaced != null) {
      quota.release(replaced.blob().length());
    }
  }

  @Override
  public boolean removeUpload(String bucket, String uploadId, boolean keepParts) {
    MultipartUpload removed =
        uploads.getOrDefault(bucket, new ConcurrentHashMap<>()).remove(uploadId);
    if (removed != null && !keepParts) {
      for (MultipartUpload.Part part : removed.parts()) {
        quota.release(part.blob().length());
      }
    }
    return removed != null;
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
    return bucket(bucket).isEmpty() && uploads.getOrDefault(bucket, Map.of()).isEmpty();
  }

  @Override
  public void dropBucket(String bucket) {
    ConcurrentSkipListMap<String, OssObject> removed = objects.remove(bucket);
    if (removed != null) {
      removed.values().forEach(o -> quota.release(o.size()));
    }
    Map<String, MultipartUpload> pending = uploads.remove(bucket);
    if (pending != null) {
      pending.values().forEach(u -> u.parts().forEach(p -> quota.release(p.blob().length())));
    }
  }

  @Override
  public void clear() {
    new ArrayList<>(objects.keySet()).forEach(this::dropBucket);
    new ArrayList<>(uploads.keySet()).forEach(this::dropBucket);
  }

  @Override
  public StorageQuota quota() {
    return quota;
  }
}
