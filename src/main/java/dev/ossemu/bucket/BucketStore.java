package dev.ossemu.bucket;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Where bucket state lives. Every change is atomic per bucket. */
public interface BucketStore {

  Optional<Bucket> find(String name);

  /** Stores {@code bucket} unless one with its name exists; returns the existing one or null. */
  Bucket createIfAbsent(Bucket bucket);

  /**
   * Replaces the bucket with {@code change} applied to it, atomically. An exception thrown by
   * {@code change} leaves the stored bucket as it was.
   *
   * @return the new value, or empty when no such bucket exists
   */
  Optional<Bucket> update(String name, UnaryOperator<Bucket> change);

  /** Removes the bucket; returns false when it did not exist. */
  boolean delete(String name);

  /** All buckets, ordered by name. */
  List<Bucket> list();

  /** Removes everything. */
  void clear();
}
