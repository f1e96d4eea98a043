package dev.ossemu.operation;

import dev.ossemu.bucket.Bucket;
import dev.ossemu.object.ObjectStore;
import java.util.function.Function;

/**
 * Writes into a bucket and DeleteBucket, serialised by the bucket's lock (issue: bucket lifetime).
 * A write checks that the bucket exists and stores its object while holding the lock that
 * DeleteBucket holds from its emptiness check to the removal of the bucket's object space, so of a
 * write racing a DeleteBucket exactly one lands first: either the write is acknowledged and the
 * delete answers 409 BucketNotEmpty, or the delete answers 204 and the write 404 NoSuchBucket.
 * Bucket configuration (ACL, encryption) changes atomically in the bucket store, whose delete is
 * atomic with it, and checks the owner inside that change.
 */
final class BucketLifetime {
  private BucketLifetime() {}

  /**
   * Runs {@code write} on the call's bucket holding its lock; 404 NoSuchBucket when it is gone. A
   * bucket that exists gets its (empty) object space here if it has none yet (one made in the
   * bucket store directly); a deleted bucket never does, as its document went under this same lock.
   */
  static <T> T write(
      BucketAccess access, ObjectStore objects, OssCall call, Function<Bucket, T> write) {
    return objects
        .locks()
        .locked(
            call.bucket(),
            () -> {
              Bucket bucket = access.existing(call);
              if (!objects.hasBucket(bucket.name())) {
                objects.createBucket(bucket.name());
              }
              return write.apply(bucket);
            });
  }
}
