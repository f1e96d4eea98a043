package dev.ossemu.persist;

import dev.ossemu.bucket.BucketStore;
import dev.ossemu.bucket.InMemoryBucketStore;
import dev.ossemu.object.InMemoryObjectStore;
import dev.ossemu.object.ObjectStore;

/** The store contract for the in-memory stores. */
class InMemoryStoreTest extends StoreContract {
  private final BucketStore buckets = new InMemoryBucketStore();
  private final ObjectStore objects = new InMemoryObjectStore(quota);

  @Override
  BucketStore buckets() {
    return buckets;
  }

  @Override
  ObjectStore objects() {
    return objects;
  }
}
