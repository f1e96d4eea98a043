package dev.ossemu.bucket;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.UnaryOperator;

/**
 * Buckets in a sorted concurrent map: ListBuckets walks names in order (spec §7) and a bucket's
 * changes go through {@code computeIfPresent}, so each is atomic without a lock of ours.
 */
public final class InMemoryBucketStore implements BucketStore {
  private final ConcurrentSkipListMap<String, Bucket> buckets = new ConcurrentSkipListMap<>();

  @Override
  public Optional<Bucket> find(String name) {
    return Optional.ofNullable(buckets.get(name));
  }

  @Override
  public Bucket createIfAbsent(Bucket bucket) {
    return buckets.putIfAbsent(bucket.name(), bucket);
  }

  @Override
  public Optional<Bucket> update(String name, UnaryOperator<Bucket> change) {
    return Optional.ofNullable(
        buckets.computeIfPresent(name, (key, bucket) -> change.apply(bucket)));
  }

  @Override
  public boolean delete(String name) {
    return buckets.remove(name) != null;
  }

  @Override
  public List<Bucket> list() {
    return new ArrayList<>(buckets.values());
  }

  @Override
  public void clear() {
    buckets.clear();
  }
}
