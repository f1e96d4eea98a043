package dev.ossemu.persist;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossemu.bucket.Bucket;
import dev.ossemu.bucket.BucketStore;
import dev.ossemu.bucket.InMemoryBucketStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Buckets kept in memory and written through to {@code buckets/<name>.json}. A change is written
 * durably before it is applied in memory, so an acknowledged change survives a crash and a failed
 * write changes nothing.
 */
public final class PersistentBucketStore implements BucketStore {
  private final InMemoryBucketStore memory = new InMemoryBucketStore();
  private final DataDirectory data;
  private final Path directory;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * Loads the buckets of a data directory.
   *
   * @throws DataDirectoryException for a damaged file
   */
  public PersistentBucketStore(DataDirectory data) throws DataDirectoryException {
    this.data = data;
    this.directory = data.root().resolve("buckets");
    if (Files.isDirectory(directory)) {
      try (var files = Files.list(directory)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
          memory.createIfAbsent(load(file));
        }
      } catch (IOException e) {
        throw new DataDirectoryException(directory, e.toString());
      }
    }
  }

  private Bucket load(Path file) throws DataDirectoryException {
    try {
      return json.readValue(SealedDocument.unseal(file), Documents.BucketDoc.class).toBucket();
    } catch (IOException | RuntimeException e) {
      throw new DataDirectoryException(file, "not a bucket document: " + e.getMessage());
    }
  }

  private void save(Bucket bucket) {
    SealedDocument.write(
        data, json, directory.resolve(bucket.name() + ".json"), Documents.BucketDoc.of(bucket));
  }

  @Override
  public Optional<Bucket> find(String name) {
    return memory.find(name);
  }

  @Override
  public synchronized Bucket createIfAbsent(Bucket bucket) {
    Optional<Bucket> existing = memory.find(bucket.name());
    if (existing.isPresent()) {
      return existing.get();
    }
    save(bucket);
    return memory.createIfAbsent(bucket);
  }

  @Override
  public synchronized Optional<Bucket> update(String name, UnaryOperator<Bucket> change) {
    return memory.update(
        name,
        bucket -> {
          Bucket next = change.apply(bucket);
          save(next);
          return next;
        });
  }

  @Override
  public synchronized boolean delete(String name) {
    data.delete(directory.resolve(name + ".json"));
    return memory.delete(name);
  }

  @Override
  public List<Bucket> list() {
    return memory.list();
  }

  @Override
  public synchronized void clear() {
    for (Bucket bucket : memory.list()) {
      data.delete(directory.resolve(bucket.name() + ".json"));
    }
    memory.clear();
  }
}
