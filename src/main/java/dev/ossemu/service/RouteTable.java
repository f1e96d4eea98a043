package dev.ossemu.service;

import dev.ossemu.operation.BucketEncryptionOperations;
import dev.ossemu.operation.BucketOperations;
import dev.ossemu.operation.Operation;
import dev.ossemu.operation.ServiceOperations;
import dev.ossemu.routing.Route;
import dev.ossemu.routing.Route.Shape;
import java.util.ArrayList;
import java.util.List;

/** Every OSS action the emulator serves, in one table (first match wins). */
final class RouteTable {
  private RouteTable() {}

  static List<Route> of(
      ServiceOperations service,
      BucketOperations buckets,
      BucketEncryptionOperations encryption,
      ObjectRoutes objects) {
    // One row per OSS action: method, shape, sub-resource, API name, the RAM action a RAM user's
    // policy must allow, and the operation. HeadBucket has no RAM action of its own; like
    // JAVA1's getBucketMetadata it reads bucket information, so it needs oss:GetBucketInfo.
    List<Route> routes =
        new ArrayList<>(
            List.of(
                route("GET", Shape.SERVICE, null, "ListBuckets", service::listBuckets),
                route(
                    "PUT",
                    Shape.BUCKET,
                    "encryption",
                    "PutBucketEncryption",
                    encryption::putBucketEncryption),
                route(
                    "GET",
                    Shape.BUCKET,
                    "encryption",
                    "GetBucketEncryption",
                    encryption::getBucketEncryption),
                route(
                    "DELETE",
                    Shape.BUCKET,
                    "encryption",
                    "DeleteBucketEncryption",
                    encryption::deleteBucketEncryption),
                route("GET", Shape.BUCKET, "bucketInfo", "GetBucketInfo", buckets::getBucketInfo),
                route(
                    "GET",
                    Shape.BUCKET,
                    "location",
                    "GetBucketLocation",
                    buckets::getBucketLocation),
                route("GET", Shape.BUCKET, "acl", "GetBucketAcl", buckets::getBucketAcl),
                route("PUT", Shape.BUCKET, "acl", "PutBucketAcl", buckets::putBucketAcl),
                route("PUT", Shape.BUCKET, null, "PutBucket", buckets::putBucket),
                route("DELETE", Shape.BUCKET, null, "DeleteBucket", buckets::deleteBucket),
                new Route(
                    "HEAD",
                    Shape.BUCKET,
                    null,
                    "HeadBucket",
                    "oss:GetBucketInfo",
                    buckets::headBucket)));
    routes.addAll(objects.routes());
    return routes;
  }

  /** A row whose RAM action is the API name with the {@code oss:} prefix, as for most actions. */
  static Route route(
      String method, Shape shape, String subResource, String action, Operation operation) {
    return new Route(method, shape, subResource, action, "oss:" + action, operation);
  }
}
