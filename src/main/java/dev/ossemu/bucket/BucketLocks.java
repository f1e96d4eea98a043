package dev.ossemu.bucket;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per bucket name, so that DeleteBucket and every write into the bucket happen one after
 * the other (a write either lands before the delete, which then finds the bucket not empty, or sees
 * the bucket gone), while writes to different buckets proceed in parallel. A lock exists only while
 * someone holds or waits for it, so deleted and never-used names cost nothing. Locks are
 * re-entrant: an operation holding its bucket's lock may call a store that takes it again.
 */
public final class BucketLocks {
  private final ConcurrentHashMap<String, Entry> locks = new ConcurrentHashMap<>();

  private static final class Entry {
    final ReentrantLock lock = new ReentrantLock();
    int users; // changed only inside the map's atomic compute for this name
  }

  /** Runs {@code action} holding the bucket's lock. */
  public <T> T locked(String bucket, Supplier<T> action) {
    Entry entry =
        locks.compute(
            bucket,
            (name, current) -> {
              Entry next = current == null ? new Entry() : current;
              next.users++;
              return next;
            });
    entry.lock.lock();
    try {
      return action.get();
    } finally {
      entry.lock.unlock();
      locks.computeIfPresent(bucket, (name, current) -> --current.users == 0 ? null : current);
    }
  }

  /** Runs {@code action} holding the bucket's lock. */
  public void run(String bucket, Runnable action) {
    locked(
        bucket,
        () -> {
          action.run();
          return null;
        });
  }

  /** Whether the calling thread holds the bucket's lock. */
  public boolean heldByCurrentThread(String bucket) {
    Entry entry = locks.get(bucket);
    return entry != null && entry.lock.isHeldByCurrentThread();
  }
}
