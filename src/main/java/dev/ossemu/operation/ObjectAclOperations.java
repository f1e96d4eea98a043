package dev.ossemu.operation;

import dev.ossemu.bucket.Bucket;
import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.object.ObjectStore;
import dev.ossemu.object.OssObject;
import dev.ossemu.request.OssResponse;
import dev.ossemu.xml.AccessControlPolicy;
import dev.ossemu.xml.XmlCodec;

/**
 * GetObjectACL and PutObjectACL ({@code GET/PUT /<key>?acl}). Only the bucket owner (and its RAM
 * users, within their policy) reads or sets an object's ACL, whatever the ACLs say; an object never
 * given one answers {@code default}, which means "as the bucket" (OSS's GetObjectACL page).
 */
public final class ObjectAclOperations {
  private static final String GET_DENIED_EC = "0003-00000007";
  private static final String PUT_DENIED_EC = "0003-00000008";

  private final BucketAccess access;
  private final ObjectStore objects;
  private final XmlCodec xml;

  public ObjectAclOperations(BucketAccess access, ObjectStore objects, XmlCodec xml) {
    this.access = access;
    this.objects = objects;
    this.xml = xml;
  }

  /** GetObjectACL: the AccessControlPolicy document GetBucketAcl also answers (spec §8). */
  public OssResponse getObjectAcl(OssCall call) {
    Bucket bucket = owned(call, GET_DENIED_EC);
    OssObject object =
        objects.get(bucket.name(), call.target().key()).orElseThrow(() -> noSuchKey(call));
    AccessControlPolicy policy =
        new AccessControlPolicy(
            BucketViews.owner(bucket.ownerId()),
            new AccessControlPolicy.AccessControlList(object.acl()));
    return OssResponse.xml(200, xml.write(policy));
  }

  /**
   * PutObjectACL: the canned ACL of {@code x-oss-object-acl}, which must be one of OSS's four (else
   * 400 InvalidArgument, nothing changed). Body, ETag and Last-Modified stay as they are.
   */
  public OssResponse putObjectAcl(OssCall call) {
    owned(call, PUT_DENIED_EC); // who may change it comes before what the change is
    String acl = call.request().headers().get("x-oss-object-acl");
    if (acl == null) {
      throw OssException.invalidArgument(
          "no such object access control exists", "x-oss-object-acl", "");
    }
    String checked = ObjectMetadata.acl(call.request().headers());
    BucketLifetime.write(
        access,
        objects,
        call,
        bucket ->
            objects.update(
                bucket.name(),
                call.target().key(),
                current -> {
                  if (current == null) {
                    throw noSuchKey(call);
                  }
                  return withAcl(current, checked);
                }));
    return OssResponse.empty(200);
  }

  /**
   * The call's bucket, which the caller must own: an anonymous caller or another account is denied
   * even where the ACLs let it read the object (OSS's EC pages 0003-00000007 and 0003-00000008).
   */
  private Bucket owned(OssCall call, String deniedEc) {
    Bucket bucket = access.existing(call);
    if (!call.principal().owns(bucket.ownerId())) {
      throw OssException.of(OssErrorCode.ACCESS_DENIED)
          .message(BucketAccess.NOT_OWNER)
          .ec(deniedEc)
          .build();
    }
    return bucket;
  }

  private static OssObject withAcl(OssObject object, String acl) {
    return new OssObject(
        object.key(),
        object.blob(),
        object.etag(),
        object.lastModified(),
        object.type(),
        object.headers(),
        object.userMetadata(),
        acl,
        object.storageClass(),
        object.encryption());
  }

  private static OssException noSuchKey(OssCall call) {
    return OssException.of(OssErrorCode.NO_SUCH_KEY).extra("Key", call.target().key()).build();
  }
}
