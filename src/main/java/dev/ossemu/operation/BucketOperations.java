package dev.ossemu.operation;

import dev.ossemu.bucket.Bucket;
import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.object.ObjectStore;
import dev.ossemu.request.OssResponse;
import dev.ossemu.xml.AccessControlPolicy;
import dev.ossemu.xml.LocationConstraint;
import dev.ossemu.xml.XmlCodec;
import java.time.Clock;

/**
 * Bucket lifecycle and the read-only calls SDKs make around encryption: PutBucket, DeleteBucket,
 * HeadBucket, GetBucketInfo, GetBucketLocation, GetBucketAcl and PutBucketAcl (spec §4–8).
 */
public final class BucketOperations {
  /** spec §4: at most 100 buckets per account and region. */
  static final int MAX_BUCKETS_PER_ACCOUNT = 100;

  private final BucketAccess access;
  private final ObjectStore objects;
  private final XmlCodec xml;
  private final String region;
  private final Clock clock;

  public BucketOperations(
      BucketAccess access, ObjectStore objects, XmlCodec xml, String region, Clock clock) {
    this.access = access;
    this.objects = objects;
    this.xml = xml;
    this.region = region;
    this.clock = clock;
  }

  /**
   * PutBucket (spec §4): creates the bucket; for its owner a repeat is a 200 that may change the
   * ACL; for anyone else the name is taken (409 BucketAlreadyExists).
   */
  public OssResponse putBucket(OssCall call) {
    if (call.principal().isAnonymous()) {
      throw OssException.accessDenied("Anonymous access is forbidden for this operation.");
    }
    PutBucketInput input = PutBucketInput.parse(call.request(), xml);
    input.checkLocation(region);
    String ownerId = call.principal().account().ownerId();
    Bucket existing =
        objects
            .locks()
            .locked(
                call.bucket(),
                () -> {
                  Bucket found = access.store().find(call.bucket()).orElse(null);
                  if (found != null) {
                    return found;
                  }
                  if (countOwnedBy(ownerId) >= MAX_BUCKETS_PER_ACCOUNT) {
                    throw OssException.of(OssErrorCode.TOO_MANY_BUCKETS).build();
                  }
                  // A new bucket starts empty: whatever a name held before is gone.
                  objects.dropBucket(call.bucket());
                  objects.createBucket(call.bucket());
                  return access.store().createIfAbsent(newBucket(call.bucket(), ownerId, input));
                });
    if (existing != null) {
      updateExisting(call, existing, input);
    }
    // ali-oss reads the bucket name of its putBucket result from this header.
    return OssResponse.empty(200).header("Location", "/" + call.bucket());
  }

  private long countOwnedBy(String ownerId) {
    return access.store().list().stream().filter(b -> b.ownerId().equals(ownerId)).count();
  }

  private Bucket newBucket(String name, String ownerId, PutBucketInput input) {
    return new Bucket(
        name,
        ownerId,
        region,
        clock.instant(),
        input.storageClassOrDefault(),
        input.dataRedundancyTypeOrDefault(),
        input.acl() == null ? "private" : input.acl(),
        input.encryption());
  }

  private void updateExisting(OssCall call, Bucket existing, PutBucketInput input) {
    if (!call.principal().owns(existing.ownerId())) {
      throw OssException.of(OssErrorCode.BUCKET_ALREADY_EXISTS)
          .extra("BucketName", existing.name())
          .build();
    }
    boolean otherClass =
        input.storageClass() != null && !existing.storageClass().equals(input.storageClass());
    boolean otherRedundancy =
        input.dataRedundancyType() != null
            && !existing.dataRedundancyType().equals(input.dataRedundancyType());
    if (otherClass || otherRedundancy) {
      throw OssException.of(OssErrorCode.BUCKET_ALREADY_EXISTS)
          .message("Bucket already exists can't modify storage type")
          .extra("BucketName", existing.name())
          .build();
    }
    if (input.acl() != null) {
      access.update(call, bucket -> bucket.withAcl(input.acl()));
    }
  }

  /** DeleteBucket (spec §5): 204; 409 BucketNotEmpty while objects or uploads remain. */
  public OssResponse deleteBucket(OssCall call) {
    return objects
        .locks()
        .locked(
            call.bucket(),
            () -> {
              access.owned(call);
              if (!objects.isEmpty(call.bucket())) {
                throw OssException.of(OssErrorCode.BUCKET_NOT_EMPTY)
                    .extra("BucketName", call.bucket())
                    .build();
              }
              if (!access.store().delete(call.bucket())) {
                throw OssException.noSuchBucket(call.bucket());
              }
              objects.dropBucket(call.bucket());
              return OssResponse.empty(204);
            });
  }

  /** HeadBucket (spec §8): JAVA1's getBucketMetadata reads {@code x-oss-bucket-region}. */
  public OssResponse headBucket(OssCall call) {
    Bucket bucket = access.owned(call);
    return OssResponse.empty(200).header("x-oss-bucket-region", bucket.region());
  }

  /** GetBucketInfo (spec §6), including the encryption rule or {@code None}. */
  public OssResponse getBucketInfo(OssCall call) {
    return OssResponse.xml(200, xml.write(BucketViews.info(access.owned(call))));
  }

  /** GetBucketLocation (spec §8): the root text is {@code oss-<region>}. */
  public OssResponse getBucketLocation(OssCall call) {
    Bucket bucket = access.owned(call);
    return OssResponse.xml(
        200, xml.write(new LocationConstraint(BucketViews.location(bucket.region()))));
  }

  /** GetBucketAcl (spec §8), also the existence probe of every SDK's doesBucketExist. */
  public OssResponse getBucketAcl(OssCall call) {
    Bucket bucket = access.owned(call);
    AccessControlPolicy policy =
        new AccessControlPolicy(
            BucketViews.owner(bucket.ownerId()),
            new AccessControlPolicy.AccessControlList(bucket.acl()));
    return OssResponse.xml(200, xml.write(policy));
  }

  /** PutBucketAcl: {@code PUT /?acl} with the canned ACL in {@code x-oss-acl}. */
  public OssResponse putBucketAcl(OssCall call) {
    if (!call.principal().isAnonymous() && access.store().find(call.bucket()).isEmpty()) {
      // OSS creates a missing bucket with the ACL asked for; ali-oss's suite, run against OSS,
      // expects it ("should create and set acl when bucket not exists").
      return putBucket(call);
    }
    access.owned(call); // who may change it comes before what the change is
    String acl = call.request().headers().get("x-oss-acl");
    if (acl == null) {
      throw OssException.invalidArgument("no such bucket access control exists", "x-oss-acl", "");
    }
    PutBucketInput.checkAcl(acl);
    access.update(call, bucket -> bucket.withAcl(acl));
    // ali-oss reads its putBucketACL result's bucket name from this header, as for PutBucket.
    return OssResponse.empty(200).header("Location", "/" + call.bucket());
  }
}
