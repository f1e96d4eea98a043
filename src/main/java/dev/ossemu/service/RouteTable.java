package dev.ossemu.service;

import dev.ossemu.operation.BucketEncryptionOperations;
import dev.ossemu.operation.BucketOperations;
import dev.ossemu.operation.ServiceOperations;
import dev.ossemu.routing.Route;
import dev.ossemu.routing.Route.Shape;
import java.util.List;

/** Every OSS action the emulator serves, in one table (first match wins). */
final class RouteTable {
  private RouteTable() {}

  static List<Route> of(
      ServiceOperations service, BucketOperations buckets, BucketEncryptionOperations encryption) {
    return List.of(
        new Route("GET", Shape.SERVICE, null, "ListBuckets", service::listBuckets),
        new Route(
            "PUT",
            Shape.BUCKET,
            "encryption",
            "PutBucketEncryption",
            encryption::putBucketEncryption),
        new Route(
            "GET",
            Shape.BUCKET,
            "encryption",
            "GetBucketEncryption",
            encryption::getBucketEncryption),
        new Route(
            "DELETE",
            Shape.BUCKET,
            "encryption",
            "DeleteBucketEncryption",
            encryption::deleteBucketEncryption),
        new Route("GET", Shape.BUCKET, "bucketInfo", "GetBucketInfo", buckets::getBucketInfo),
        new Route("GET", Shape.BUCKET, "location", "GetBucketLocation", buckets::getBucketLocation),
        new Route("GET", Shape.BUCKET, "acl", "GetBucketAcl", buckets::getBucketAcl),
        new Route("PUT", Shape.BUCKET, "acl", "PutBucketAcl", buckets::putBucketAcl),
        new Route("PUT", Shape.BUCKET, null, "PutBucket", buckets::putBucket),
        new Route("DELETE", Shape.BUCKET, null, "DeleteBucket", buckets::deleteBucket),
        new Route("HEAD", Shape.BUCKET, null, "HeadBucket", buckets::headBucket));
  }
}
