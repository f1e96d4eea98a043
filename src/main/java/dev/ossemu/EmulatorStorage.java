package dev.ossemu;

import dev.ossemu.auth.Account;
import dev.ossemu.blob.StorageQuota;
import dev.ossemu.bucket.Bucket;
import dev.ossemu.bucket.BucketStore;
import dev.ossemu.bucket.InMemoryBucketStore;
import dev.ossemu.object.InMemoryObjectStore;
import dev.ossemu.object.ObjectStore;
import dev.ossemu.persist.DataDirectory;
import dev.ossemu.persist.DataDirectoryException;
import dev.ossemu.persist.PersistentBucketStore;
import dev.ossemu.persist.PersistentObjectStore;
import java.util.ArrayList;
import java.util.List;

/**
 * What an {@link OssEmulator} stores: buckets and objects in memory, or in its data directory,
 * under one storage quota, with the buckets it is configured to start with.
 */
final class EmulatorStorage {
  private final StorageQuota quota;
  private final BucketStore store;
  private final ObjectStore objects;
  private final DataDirectory dataDirectory;

  private EmulatorStorage(
      StorageQuota quota, BucketStore store, ObjectStore objects, DataDirectory dataDirectory) {
    this.quota = quota;
    this.store = store;
    this.objects = objects;
    this.dataDirectory = dataDirectory;
  }

  /**
   * The stores the configuration asks for: in memory, or in its data directory (opened now).
   *
   * @throws IllegalStateException when the data directory cannot be used
   */
  static EmulatorStorage open(EmulatorConfig config) {
    StorageQuota quota = new StorageQuota(config.maxStorageBytes());
    if (config.dataDir() == null) {
      return new EmulatorStorage(
          quota, new InMemoryBucketStore(), new InMemoryObjectStore(quota), null);
    }
    try {
      DataDirectory dataDirectory = DataDirectory.open(config.dataDir());
      return new EmulatorStorage(
          quota,
          new PersistentBucketStore(dataDirectory),
          new PersistentObjectStore(dataDirectory, quota),
          dataDirectory);
    } catch (DataDirectoryException e) {
      throw new IllegalStateException("cannot use the data directory: " + e.getMessage(), e);
    }
  }

  StorageQuota quota() {
    return quota;
  }

  BucketStore store() {
    return store;
  }

  ObjectStore objects() {
    return objects;
  }

  /** Whether a data directory keeps what is stored, so writes block on fsync. */
  boolean durable() {
    return dataDirectory != null;
  }

  /** No buckets, objects or uploads. */
  void clear() {
    store.clear();
    objects.clear();
  }

  /**
   * Creates the configured buckets that do not exist. Every owner is resolved before the first is
   * stored, so that a configuration naming an unknown account stores none of them.
   *
   * @throws IllegalArgumentException when a bucket names an account that does not exist
   */
  void createInitialBuckets(EmulatorConfig config) {
    List<Bucket> buckets = new ArrayList<>();
    for (EmulatorConfig.InitialBucket initial : config.buckets()) {
      buckets.add(
          new Bucket(
              initial.name(),
              ownerIdOf(config, initial.owner()),
              config.region(),
              config.clock().instant(),
              "Standard",
              "LRS",
              "private",
              initial.encryption()));
    }
    buckets.forEach(store::createIfAbsent);
  }

  /** The owner ID of the named account; the first account's for null. */
  private static String ownerIdOf(EmulatorConfig config, String accountName) {
    for (Account account : config.accounts()) {
      if (accountName == null || account.name().equals(accountName)) {
        return account.ownerId();
      }
    }
    throw new IllegalArgumentException("unknown owner account " + accountName);
  }

  /**
   * Lets go of what is stored: in memory, the objects and uploads are gone and their bodies' memory
   * is freed now; with a data directory, the directory is closed and keeps them. Call once the
   * server has stopped.
   */
  void close() {
    if (dataDirectory != null) {
      dataDirectory.close();
    } else {
      objects.clear(); // a body still being sent keeps its own reference until its last byte
    }
  }
}
