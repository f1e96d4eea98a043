package dev.ossemu.routing;

import static dev.ossemu.routing.Route.row;

import dev.ossemu.operation.BucketEncryptionOperations;
import dev.ossemu.operation.BucketOperations;
import dev.ossemu.operation.ServiceOperations;
import dev.ossemu.operation.UnversionedOperations;
import dev.ossemu.routing.Route.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Every OSS action the emulator serves, in one table (first match wins). Serving a new sub-resource
 * is one row here plus its operation.
 */
public final class RouteTable {
  private RouteTable() {}

  /**
   * The whole table.
   *
   * @param service service-level actions
   * @param buckets bucket actions
   * @param encryption bucket default encryption
   * @param objects the object actions
   * @param unversioned the answers for live channels and versions, which no bucket has
   */
  public static List<Route> of(
      ServiceOperations service,
      BucketOperations buckets,
      BucketEncryptionOperations encryption,
      ObjectRoutes objects,
      UnversionedOperations unversioned) {
    // One row per OSS action: method, shape, sub-resource, API name, operation; then the RAM
    // action a RAM user's policy must allow when it is not oss:<API name>, and the body kind when
    // it is not a small document. HeadBucket has no RAM action of its own; like JAVA1's
    // getBucketMetadata it reads bucket information, so it needs oss:GetBucketInfo.
    List<Route> routes =
        new ArrayList<>(
            List.of(
                row("GET", Shape.SERVICE, null, "ListBuckets", service::listBuckets),
                row(
                    "PUT",
                    Shape.BUCKET,
                    "encryption",
                    "PutBucketEncryption",
                    encryption::putBucketEncryption),
                row(
                    "GET",
                    Shape.BUCKET,
                    "encryption",
                    "GetBucketEncryption",
                    encryption::getBucketEncryption),
                row(
                    "DELETE",
                    Shape.BUCKET,
                    "encryption",
                    "DeleteBucketEncryption",
                    encryption::deleteBucketEncryption),
                row("GET", Shape.BUCKET, "bucketInfo", "GetBucketInfo", buckets::getBucketInfo),
                row(
                    "GET",
                    Shape.BUCKET,
                    "location",
                    "GetBucketLocation",
                    buckets::getBucketLocation),
                row("GET", Shape.BUCKET, "acl", "GetBucketAcl", buckets::getBucketAcl),
                row("PUT", Shape.BUCKET, "acl", "PutBucketAcl", buckets::putBucketAcl),
                row("PUT", Shape.BUCKET, null, "PutBucket", buckets::putBucket),
                row("DELETE", Shape.BUCKET, null, "DeleteBucket", buckets::deleteBucket),
                row("HEAD", Shape.BUCKET, null, "HeadBucket", buckets::headBucket)
                    .ram("oss:GetBucketInfo"),
                row("GET", Shape.BUCKET, "live", "ListLiveChannel", unversioned::listLiveChannel),
                row(
                    "GET",
                    Shape.BUCKET,
                    "versioning",
                    "GetBucketVersioning",
                    unversioned::getBucketVersioning),
                row(
                    "GET",
                    Shape.BUCKET,
                    "versions",
                    "ListObjectVersions",
                    unversioned::listObjectVersions)));
    routes.addAll(objects.routes());
    return routes;
  }
}
