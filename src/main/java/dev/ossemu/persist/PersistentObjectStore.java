package dev.ossemu.persist;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossemu.blob.BodySink;
import dev.ossemu.blob.BodyStorage;
import dev.ossemu.blob.StorageQuota;
import dev.ossemu.bucket.BucketLocks;
import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.object.InMemoryObjectStore;
import dev.ossemu.object.MultipartUpload;
import dev.ossemu.object.ObjectStore;
import dev.ossemu.object.OssObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
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
    this.bodies =
        new BodyStorage() {
          @Override
          public BodySink open(StorageQuota limit, long expectedLength) {
            return new StagedBody(data, limit);
          }

          @Override
          public boolean blocks() {
            return true;
          }
        };
    new StoreLoader(data, json, quota, memory, bodyDocs).load();
  }

  static String keyHash(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  static Path objectDir(DataDirectory data, String bucket) {
    return data.root().resolve("objects").resolve(bucket);
  }

  static Path uploadDir(DataDirectory data, String bucket, String uploadId) {
    return data.root().resolve("uploads").resolve(bucket).resolve(uploadId);
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
    Path directory = objectDir(data, bucket);
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
                write(directory.resolve(hash + ".meta"), objectDoc(next, written[0]));
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

  static Documents.ObjectDoc objectDoc(OssObject object, Documents.BodyDoc body) {
    return new Documents.ObjectDoc(
        object.key(),
        body,
        object.etag(),
        object.lastModified().toString(),
        object.type(),
        object.headers(),
        object.userMetadata(),
        object.acl(),
        object.storageClass(),
        Documents.RuleDoc.of(object.encryption()));
  }

  private void write(Path file, Object document) {
    try {
      data.write(file, SealedDocument.seal(json.writeValueAsBytes(document)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean delete(String bucket, String key) {
    return locks()
        .locked(
            bucket,
            () -> {
              Path directory = objectDir(data, bucket);
              data.delete(directory.resolve(keyHash(key) + ".meta"));
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
    locks()
        .run(
            bucket,
            () -> {
              if (!memory.hasBucket(bucket)) {
                throw OssException.noSuchBucket(bucket);
              }
              Path directory = uploadDir(data, bucket, upload.uploadId());
              write(
                  directory.resolve("upload.meta"),
                  new Documents.UploadDoc(
                      upload.uploadId(),
                      upload.initiated().toString(),
                      objectDoc(upload.template(), null)));
              memory.addUpload(bucket, upload);
            });
  }

  @Override
  public Optional<MultipartUpload> upload(String bucket, String uploadId) {
    return memory.upload(bucket, uploadId);
  }

  @Override
  public void putPart(String bucket, MultipartUpload upload, MultipartUpload.Part part) {
    locks().run(bucket, () -> writePart(bucket, upload, part));
  }

  private void writePart(String bucket, MultipartUpload upload, MultipartUpload.Part part) {
    if (memory.upload(bucket, upload.uploadId()).orElse(null) != upload) {
      // Checked before any file is written: a part of an aborted or completed upload must not
      // re-create the upload's directory without its upload.meta.
      throw OssException.of(OssErrorCode.NO_SUCH_UPLOAD)
          .extra("UploadId", upload.uploadId())
          .build();
    }
    Path directory = uploadDir(data, bucket, upload.uploadId());
    String stem = "part-" + part.partNumber();
    Bodies.Stored body = Bodies.write(data, directory, stem, part.blob());
    try {
      write(
          directory.resolve(stem + ".meta"),
          new Documents.PartDoc(part.partNumber(), body.doc(), part.lastModified().toString()));
    } catch (RuntimeException e) {
      data.delete(directory.resolve(body.doc().dataFile()));
      throw e;
    }
    memory.putPart(
        bucket,
        upload,
        new MultipartUpload.Part(part.partNumber(), body.blob(), part.lastModified()));
    StoreLoader.deleteOtherData(data, directory, stem, body.doc().dataFile());
  }

  @Override
  public boolean removeUpload(String bucket, String uploadId) {
    return locks()
        .locked(
            bucket,
            () -> {
              StoreLoader.deleteTree(data, uploadDir(data, bucket, uploadId));
              return memory.removeUpload(bucket, uploadId);
            });
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
              StoreLoader.deleteTree(data, objectDir(data, bucket));
              StoreLoader.deleteTree(data, data.root().resolve("uploads").resolve(bucket));
              bodyDocs.keySet().removeIf(index -> index.startsWith(bucket + "/"));
              memory.dropBucket(bucket);
            });
  }

  @Override
  public void clear() {
    Set<String> buckets = new HashSet<>(memory.bucketNames());
    buckets.addAll(StoreLoader.directoryNames(data.root().resolve("objects")));
    buckets.addAll(StoreLoader.directoryNames(data.root().resolve("uploads")));
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

  static Instant instant(String value) {
    return Instant.parse(value);
  }
}
