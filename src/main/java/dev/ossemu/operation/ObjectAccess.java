package dev.ossemu.operation;

import dev.ossemu.bucket.Bucket;
import dev.ossemu.error.OssException;
import dev.ossemu.object.OssObject;

/**
 * Who may read and write objects: the owner (and its RAM users, within their policy) always; others
 * as the object's ACL, or when it is {@code default} the bucket's ACL, allows.
 */
final class ObjectAccess {
  private ObjectAccess() {}

  static void checkRead(OssCall call, Bucket bucket, OssObject object) {
    if (call.principal().owns(bucket.ownerId())) {
      return;
    }
    String acl = object == null || "default".equals(object.acl()) ? bucket.acl() : object.acl();
    if (!acl.startsWith("public-read")) {
      throw OssException.accessDenied(
          "You have no right to access this object because of bucket acl.");
    }
  }

  static void checkWrite(OssCall call, Bucket bucket) {
    if (!call.principal().owns(bucket.ownerId()) && !"public-read-write".equals(bucket.acl())) {
      throw OssException.accessDenied(
          "You have no right to access this object because of bucket acl.");
    }
  }
}
