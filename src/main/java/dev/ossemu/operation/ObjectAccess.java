package dev.ossemu.operation;

import dev.ossemu.bucket.Bucket;
import dev.ossemu.error.OssException;
import dev.ossemu.object.OssObject;

/**
 * Who may read and write objects: the owner (and its RAM users, within their policy) always; others
 * as the object's ACL, or when it is {@code default} the bucket's ACL, allows. An object's own ACL
 * takes precedence over the bucket's both ways: a {@code public-read-write} object in a private
 * bucket is written by anyone, a {@code private} one in a public bucket by no one else (OSS's
 * "Object ACLs" and PutObjectACL pages).
 */
final class ObjectAccess {
  private static final String DENIED =
      "You have no right to access this object because of bucket acl.";

  private ObjectAccess() {}

  static void checkRead(OssCall call, Bucket bucket, OssObject object) {
    if (!call.principal().owns(bucket.ownerId())
        && !effectiveAcl(bucket, object).startsWith("public-read")) {
      throw OssException.accessDenied(DENIED);
    }
  }

  /** A write that creates no particular key, or a new one: the bucket's ACL decides. */
  static void checkWrite(OssCall call, Bucket bucket) {
    checkWrite(call, bucket, null);
  }

  /** A write that replaces or deletes {@code object} (null when the key is free). */
  static void checkWrite(OssCall call, Bucket bucket, OssObject object) {
    if (!call.principal().owns(bucket.ownerId())
        && !"public-read-write".equals(effectiveAcl(bucket, object))) {
      throw OssException.accessDenied(DENIED);
    }
  }

  private static String effectiveAcl(Bucket bucket, OssObject object) {
    return object == null || "default".equals(object.acl()) ? bucket.acl() : object.acl();
  }
}
