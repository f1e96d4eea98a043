package dev.ossemu.persist;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossemu.blob.Blob;
import dev.ossemu.blob.StorageQuota;
import dev.ossemu.object.InMemoryObjectStore;
import dev.ossemu.object.MultipartUpload;
import dev.ossemu.object.OssObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads objects and uploads back from a data directory at start, checking every file, and removes
 * what an interrupted write left behind (temporary files, unreferenced data files).
 */
final class StoreLoader {
  private static final Logger LOG = LoggerFactory.getLogger(StoreLoader.class);

  private final DataDirectory data;
  private final ObjectMapper json;
  private final StorageQuota quota;
  private final InMemoryObjectStore memory;
  private final Map<String, Documents.BodyDoc> bodyDocs;

  StoreLoader(
      DataDirectory data,
      ObjectMapper json,
      StorageQuota quota,
      InMemoryObjectStore memory,
      Map<String, Documents.BodyDoc> bodyDocs) {
    this.data = data;
    this.json = json;
    this.quota = quota;
    this.memory = memory;
    this.bodyDocs = bodyDocs;
  }

  void load() throws DataDirectoryException {
    int orphans = 0;
    for (Path bucket : directories(StoreLayout.objectsRoot(data))) {
      if (hasDocument(bucket)) {
        loadObjects(bucket);
      } else {
        orphans += removeOrphans(bucket, ".meta");
      }
    }
    for (Path bucket : directories(StoreLayout.uploadsRoot(data))) {
      if (!hasDocument(bucket)) {
        orphans += removeOrphans(bucket, "");
        continue;
      }
      for (Path upload : directories(bucket)) {
        loadUpload(bucket.getFileName().toString(), upload);
      }
    }
    if (orphans > 0) {
      LOG.info(
          "removed {} objects and uploads of buckets that no longer exist (a DeleteBucket"
              + " interrupted by a crash)",
          orphans);
    }
  }

  /** Whether the bucket a directory belongs to still has its bucket document. */
  private boolean hasDocument(Path bucketDirectory) {
    String name = bucketDirectory.getFileName().toString();
    boolean exists = Files.isRegularFile(data.root().resolve("buckets").resolve(name + ".json"));
    if (exists && !memory.hasBucket(name)) {
      memory.createBucket(name);
    }
    return exists;
  }

  /**
   * Deletes what a bucket without a document left: its bucket was deleted (the document goes
   * first), so none of it may be loaded or seen by a bucket re-created under the name.
   *
   * @return how many objects ({@code .meta} files) or uploads (directories) went
   */
  private int removeOrphans(Path bucketDirectory, String objectSuffix)
      throws DataDirectoryException {
    int count =
        objectSuffix.isEmpty()
            ? directories(bucketDirectory).size()
            : files(bucketDirectory, objectSuffix).size();
    deleteTree(data, bucketDirectory);
    return count;
  }

  private void loadObjects(Path directory) throws DataDirectoryException {
    String bucket = directory.getFileName().toString();
    Set<String> referenced = new HashSet<>();
    for (Path meta : files(directory, ".meta")) {
      Documents.ObjectDoc doc = read(meta, Documents.ObjectDoc.class);
      Blob blob = Bodies.read(directory, doc.body(), quota);
      OssObject object = doc.toObject(blob);
      memory.update(bucket, object.key(), current -> object);
      blob.release(); // the loader's reference; the store holds its own
      bodyDocs.put(bucket + "/" + object.key(), doc.body());
      referenced.addAll(doc.body().files());
    }
    removeLeftovers(directory, referenced);
  }

  private void loadUpload(String bucket, Path directory) throws DataDirectoryException {
    Path meta = directory.resolve("upload.meta");
    if (!Files.exists(meta)) {
      // Initiate never completed its first write: it was never acknowledged.
      deleteTree(data, directory);
      return;
    }
    Documents.UploadDoc doc = read(meta, Documents.UploadDoc.class);
    MultipartUpload upload =
        new MultipartUpload(
            doc.uploadId(), doc.template().toObject(Blob.empty()), Instant.parse(doc.initiated()));
    Set<String> referenced = new HashSet<>();
    for (Path partMeta : files(directory, ".meta")) {
      if (partMeta.equals(meta)) {
        continue;
      }
      Documents.PartDoc part = read(partMeta, Documents.PartDoc.class);
      upload.putPart(
          new MultipartUpload.Part(
              part.partNumber(),
              Bodies.read(directory, part.body(), quota),
              Instant.parse(part.lastModified())));
      referenced.add(part.body().dataFile());
    }
    memory.addUpload(bucket, upload);
    removeLeftovers(directory, referenced);
  }

  private <T> T read(Path file, Class<T> type) throws DataDirectoryException {
    try {
      return json.readValue(SealedDocument.unseal(file), type);
    } catch (IOException | RuntimeException e) {
      throw new DataDirectoryException(
          file, "not a valid " + type.getSimpleName() + ": " + e.getMessage());
    }
  }

  private void removeLeftovers(Path directory, Set<String> referenced)
      throws DataDirectoryException {
    for (Path file : files(directory, "")) {
      String name = file.getFileName().toString();
      if (name.endsWith(".tmp") || (name.endsWith(".data") && !referenced.contains(name))) {
        data.delete(file);
      }
    }
  }

  private static List<Path> directories(Path parent) throws DataDirectoryException {
    return list(parent).stream().filter(Files::isDirectory).toList();
  }

  private static List<Path> files(Path parent, String suffix) throws DataDirectoryException {
    return list(parent).stream()
        .filter(Files::isRegularFile)
        .filter(p -> p.getFileName().toString().endsWith(suffix))
        .toList();
  }

  private static List<Path> list(Path parent) throws DataDirectoryException {
    if (!Files.isDirectory(parent)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(parent)) {
      return entries.sorted().toList();
    } catch (IOException e) {
      throw new DataDirectoryException(parent, e.toString());
    }
  }

  /** The names of the directories in {@code parent} (none when it does not exist). */
  static List<String> directoryNames(Path parent) {
    try {
      return directories(parent).stream().map(p -> p.getFileName().toString()).toList();
    } catch (DataDirectoryException e) {
      throw new UncheckedIOException(new IOException(e.getMessage(), e));
    }
  }

  /** Deletes a directory and everything below it. */
  static void deleteTree(DataDirectory data, Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        data.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }
}
