package dev.ossemu.operation;

import dev.ossemu.auth.Principal;
import dev.ossemu.bucket.Bucket;
import dev.ossemu.bucket.BucketStore;
import dev.ossemu.error.OssException;
import java.util.function.UnaryOperator;

/**
 * Finds the bucket a call addresses and checks that the caller owns it: only the owner configures a
 * bucket (spec §1 "403 AccessDenied for non-owners"). A missing bucket is NoSuchBucket for
 * everyone, as on OSS.
 */
public final class BucketAccess {
  /** The message OSS gives when a bucket belongs to another account. */
  static final String NOT_OWNER = "The bucket you access does not belong to you.";

  private final BucketStore store;

  public BucketAccess(BucketStore store) {
    this.store = store;
  }

  public BucketStore store() {
    return store;
  }

  /** The bucket of the call, whoever owns it; object operations check access themselves. */
  public Bucket existing(OssCall call) {
    return store.find(call.bucket()).orElseThrow(() -> OssException.noSuchBucket(call.bucket()));
  }

  /** The bucket of the call, which the caller must own. */
  public Bucket owned(OssCall call) {
    Bucket bucket =
        store.find(call.bucket()).orElseThrow(() -> OssException.noSuchBucket(call.bucket()));
    checkOwner(bucket, call.principal());
    return bucket;
  }

  /**
   * Applies {@code change} to the caller's bucket atomically. The ownership check runs inside the
   * update, so a bucket deleted and re-created by someone else in between is never changed.
   */
  public Bucket update(OssCall call, UnaryOperator<Bucket> change) {
    return store
        .update(
            call.bucket(),
            bucket -> {
              checkOwner(bucket, call.principal());
              return change.apply(bucket);
            })
        .orElseThrow(() -> OssException.noSuchBucket(call.bucket()));
  }

  static void checkOwner(Bucket bucket, Principal principal) {
    if (!principal.owns(bucket.ownerId())) {
      throw OssException.accessDenied(NOT_OWNER);
    }
  }
}
