package dev.ossemu.service;

import static dev.ossemu.service.RouteTable.route;

import dev.ossemu.operation.MultipartListOperations;
import dev.ossemu.operation.MultipartOperations;
import dev.ossemu.operation.ObjectListOperations;
import dev.ossemu.operation.ObjectOperations;
import dev.ossemu.operation.ObjectWriteOperations;
import dev.ossemu.routing.Route;
import dev.ossemu.routing.Route.Shape;
import java.util.List;

/**
 * The object actions' rows of the route table. A PUT with {@code x-oss-copy-source} is CopyObject
 * (on a part, UploadPartCopy): the same route, told apart by the header, as OSS does.
 *
 * @param objects single objects
 * @param writes copy and append
 * @param lists listing and batch delete
 * @param multipart multipart upload
 * @param multipartLists ListParts and ListMultipartUploads
 */
record ObjectRoutes(
    ObjectOperations objects,
    ObjectWriteOperations writes,
    ObjectListOperations lists,
    MultipartOperations multipart,
    MultipartListOperations multipartLists) {

  List<Route> routes() {
    return List.of(
        route("GET", Shape.BUCKET, null, "ListObjects", lists::listObjects),
        new Route(
            "POST",
            Shape.BUCKET,
            "delete",
            "DeleteMultipleObjects",
            "oss:DeleteObject",
            lists::deleteMultipleObjects),
        route(
            "GET",
            Shape.BUCKET,
            "uploads",
            "ListMultipartUploads",
            multipartLists::listMultipartUploads),
        route("PUT", Shape.OBJECT, null, "PutObject", writes::putOrCopyObject),
        route("GET", Shape.OBJECT, null, "GetObject", objects::getObject),
        new Route("HEAD", Shape.OBJECT, null, "HeadObject", "oss:GetObject", objects::headObject),
        route("DELETE", Shape.OBJECT, null, "DeleteObject", objects::deleteObject),
        new Route(
            "HEAD",
            Shape.OBJECT,
            "objectMeta",
            "GetObjectMeta",
            "oss:GetObject",
            objects::getObjectMeta),
        new Route(
            "POST", Shape.OBJECT, "append", "AppendObject", "oss:PutObject", writes::appendObject),
        new Route(
            "POST",
            Shape.OBJECT,
            "uploads",
            "InitiateMultipartUpload",
            "oss:PutObject",
            multipart::initiateMultipartUpload),
        new Route(
            "PUT", Shape.OBJECT, "uploadId", "UploadPart", "oss:PutObject", multipart::uploadPart),
        new Route(
            "POST",
            Shape.OBJECT,
            "uploadId",
            "CompleteMultipartUpload",
            "oss:PutObject",
            multipart::completeMultipartUpload),
        route(
            "DELETE",
            Shape.OBJECT,
            "uploadId",
            "AbortMultipartUpload",
            multipart::abortMultipartUpload),
        route("GET", Shape.OBJECT, "uploadId", "ListParts", multipartLists::listParts));
  }
}
