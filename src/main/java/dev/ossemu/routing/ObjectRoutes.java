package dev.ossemu.routing;

import static dev.ossemu.routing.Route.row;

import dev.ossemu.operation.MultipartCompletion;
import dev.ossemu.operation.MultipartListOperations;
import dev.ossemu.operation.MultipartOperations;
import dev.ossemu.operation.ObjectAclOperations;
import dev.ossemu.operation.ObjectListOperations;
import dev.ossemu.operation.ObjectOperations;
import dev.ossemu.operation.ObjectWriteOperations;
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
 * @param completion CompleteMultipartUpload
 * @param multipartLists ListParts and ListMultipartUploads
 * @param acls GetObjectAcl and PutObjectAcl
 */
public record ObjectRoutes(
    ObjectOperations objects,
    ObjectWriteOperations writes,
    ObjectListOperations lists,
    MultipartOperations multipart,
    MultipartCompletion completion,
    MultipartListOperations multipartLists,
    ObjectAclOperations acls) {

  List<Route> routes() {
    // Object bodies stream into storage (UPLOAD); documents naming up to 1000 keys or 10000 parts
    // need more room than a bucket configuration (LARGE_DOCUMENT).
    return List.of(
        row("GET", Shape.BUCKET, null, "ListObjects", lists::listObjects),
        row("POST", Shape.BUCKET, "delete", "DeleteMultipleObjects", lists::deleteMultipleObjects)
            .ram("oss:DeleteObject")
            .body(BodyKind.LARGE_DOCUMENT),
        row(
            "GET",
            Shape.BUCKET,
            "uploads",
            "ListMultipartUploads",
            multipartLists::listMultipartUploads),
        row("PUT", Shape.OBJECT, null, "PutObject", writes::putOrCopyObject).body(BodyKind.UPLOAD),
        row("GET", Shape.OBJECT, null, "GetObject", objects::getObject),
        row("HEAD", Shape.OBJECT, null, "HeadObject", objects::headObject).ram("oss:GetObject"),
        row("DELETE", Shape.OBJECT, null, "DeleteObject", objects::deleteObject),
        row("GET", Shape.OBJECT, "acl", "GetObjectAcl", acls::getObjectAcl),
        row("PUT", Shape.OBJECT, "acl", "PutObjectAcl", acls::putObjectAcl),
        row("HEAD", Shape.OBJECT, "objectMeta", "GetObjectMeta", objects::getObjectMeta)
            .ram("oss:GetObject"),
        row("POST", Shape.OBJECT, "append", "AppendObject", writes::appendObject)
            .ram("oss:PutObject")
            .body(BodyKind.UPLOAD),
        row(
                "POST",
                Shape.OBJECT,
                "uploads",
                "InitiateMultipartUpload",
                multipart::initiateMultipartUpload)
            .ram("oss:PutObject"),
        row("PUT", Shape.OBJECT, "uploadId", "UploadPart", multipart::uploadPart)
            .ram("oss:PutObject")
            .body(BodyKind.UPLOAD),
        row(
                "POST",
                Shape.OBJECT,
                "uploadId",
                "CompleteMultipartUpload",
                completion::completeMultipartUpload)
            .ram("oss:PutObject")
            .body(BodyKind.LARGE_DOCUMENT),
        row(
            "DELETE",
            Shape.OBJECT,
            "uploadId",
            "AbortMultipartUpload",
            multipart::abortMultipartUpload),
        row("GET", Shape.OBJECT, "uploadId", "ListParts", multipartLists::listParts));
  }
}
