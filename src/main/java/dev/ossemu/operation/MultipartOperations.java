package dev.ossemu.operation;

import dev.ossemu.blob.Blob;
import dev.ossemu.blob.BodySink;
import dev.ossemu.bucket.Bucket;
import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.object.MultipartUpload;
import dev.ossemu.object.ObjectEncryption;
import dev.ossemu.object.ObjectStore;
import dev.ossemu.object.OssObject;
import dev.ossemu.request.OssResponse;
import dev.ossemu.xml.CopyResult;
import dev.ossemu.xml.Multipart;
import dev.ossemu.xml.XmlCodec;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.UUID;

/**
 * Multipart upload: Initiate, UploadPart, UploadPartCopy and Abort; Complete is {@link
 * MultipartCompletion}. The object's metadata and encryption are fixed at Initiate; parts must not
 * carry SSE headers (spec §8a).
 */
public final class MultipartOperations {
  static final int MAX_PART_NUMBER = 10_000;

  private final BucketAccess access;
  private final ObjectStore objects;
  private final ObjectOperations single;
  private final ObjectWriteOperations writes;
  private final XmlCodec xml;
  private final Clock clock;

  public MultipartOperations(
      BucketAccess access,
      ObjectStore objects,
      ObjectOperations single,
      ObjectWriteOperations writes,
      XmlCodec xml,
      Clock clock) {
    this.access = access;
    this.objects = objects;
    this.single = single;
    this.writes = writes;
    this.xml = xml;
    this.clock = clock;
  }

  /** InitiateMultipartUpload ({@code POST ?uploads}). */
  public OssResponse initiateMultipartUpload(OssCall call) {
    return BucketLifetime.write(access, objects, call, bucket -> initiate(call, bucket));
  }

  private OssResponse initiate(OssCall call, Bucket bucket) {
    ObjectAccess.checkWrite(call, bucket);
    if (ObjectOperations.forbidsOverwrite(call.request().headers())
        && objects.get(bucket.name(), call.target().key()).isPresent()) {
      // x-oss-forbid-overwrite on Initiate: refused before any part is sent. No EC page names
      // this situation, so none is claimed.
      throw OssException.of(OssErrorCode.FILE_ALREADY_EXISTS).ec(null).build();
    }
    OssObject template =
        single.newObject(
            call, bucket, Blob.empty(), SequentialUpload.templateType(call.request().query()));
    String uploadId =
        UUID.randomUUID().toString().replace("-", "").toUpperCase(java.util.Locale.ROOT);
    objects.addUpload(bucket.name(), new MultipartUpload(uploadId, template, clock.instant()));
    OssResponse response =
        OssResponse.xml(
            200, xml.write(new Multipart.InitiateResult(bucket.name(), template.key(), uploadId)));
    ObjectResponses.encryption(response, template);
    return response;
  }

  /** UploadPart ({@code PUT ?partNumber&uploadId}), or UploadPartCopy with a copy source. */
  public OssResponse uploadPart(OssCall call) {
    if (ObjectEncryption.present(call.request().headers())) {
      throw OssException.invalidArgument(
          "Server side encryption headers are not allowed on UploadPart.",
          "x-oss-server-side-encryption",
          call.request().headers().get("x-oss-server-side-encryption"));
    }
    String source = call.request().headers().get(CopySource.HEADER);
    // OSS's EC of NoSuchUpload names the operation (observed by the Go SDK v2's tests); checked
    // first, as OSS reports it; again under the bucket's lock below.
    upload(call, noSuchUploadEc(source == null));
    int partNumber = partNumber(call.request().query().get("partNumber"));
    Blob copied = null;
    if (source != null) {
      CopySource from = CopySource.parse(source);
      OssObject original = writes.sourceObject(call, from);
      if (!ReadConditions.check(call.request().headers(), ReadConditions.COPY_SOURCE, original)) {
        return ObjectWriteOperations.notModified(original);
      }
      // A copied part is ours until the store takes its own reference; a received one the
      // request's.
      copied = copiedRange(call, original, from);
    }
    Blob part = copied;
    try {
      return BucketLifetime.write(
          access, objects, call, bucket -> storePart(call, partNumber, part));
    } finally {
      if (copied != null) {
        copied.release();
      }
    }
  }

  private OssResponse storePart(OssCall call, int partNumber, Blob copied) {
    MultipartUpload upload = upload(call, noSuchUploadEc(copied == null));
    Blob body = copied == null ? call.request().uploadOrBody() : copied;
    MultipartUpload.Part part = new MultipartUpload.Part(partNumber, body, clock.instant());
    objects.putPart(call.bucket(), upload, part);
    OssResponse response =
        copied == null
            ? OssResponse.empty(200)
            : OssResponse.xml(
                200,
                xml.write(new CopyResult.Part(XmlTime.format(part.lastModified()), part.etag())));
    response.header("ETag", part.etag()).header("x-oss-hash-crc64ecma", body.crc64());
    ObjectResponses.encryption(response, upload.template());
    return response;
  }

  private Blob copiedRange(OssCall call, OssObject original, CopySource source) {
    String range = call.request().headers().get("x-oss-copy-source-range");
    // A copy range is read the standard way: cut at the end, 416 past it (as before issue 14).
    ReadConditions.Range bytes = ReadConditions.range(range, original.size(), true);
    long start = bytes == null ? 0 : bytes.start();
    long end = bytes == null ? original.size() : bytes.end() + 1;
    Blob held = ObjectWriteOperations.retained(original, source);
    // Into the store's own kind of body: a data file with --data-dir, never the whole range in
    // memory.
    BodySink builder = objects.bodies().open(objects.quota(), end - start);
    try {
      builder.reserve(end - start);
      original.blob().forEachSlice(start, end, builder::append);
      return builder.build();
    } catch (UncheckedIOException e) {
      builder.discard();
      throw ObjectWriteOperations.vanishedOr(e, source);
    } catch (RuntimeException e) {
      builder.discard();
      throw e;
    } finally {
      held.release();
    }
  }

  /** UploadPart's EC of NoSuchUpload, or UploadPartCopy's. */
  private static String noSuchUploadEc(boolean uploadPart) {
    return uploadPart ? "0042-00000104" : "0042-00000311";
  }

  /** AbortMultipartUpload ({@code DELETE ?uploadId}): 204, parts gone. */
  public OssResponse abortMultipartUpload(OssCall call) {
    return BucketLifetime.write(
        access,
        objects,
        call,
        bucket -> {
          objects.removeUpload(bucket.name(), upload(call).uploadId());
          return OssResponse.empty(204);
        });
  }

  /** The upload a call names, writable by the caller and for the addressed key. */
  MultipartUpload upload(OssCall call) {
    return upload(call, OssErrorCode.NO_SUCH_UPLOAD.ec());
  }

  private MultipartUpload upload(OssCall call, String noSuchUploadEc) {
    Bucket bucket = access.existing(call);
    ObjectAccess.checkWrite(call, bucket);
    String uploadId = call.request().query().get("uploadId");
    MultipartUpload upload =
        objects.upload(bucket.name(), uploadId == null ? "" : uploadId).orElse(null);
    if (upload == null || !upload.key().equals(call.target().key())) {
      throw noSuchUpload(uploadId, noSuchUploadEc);
    }
    return upload;
  }

  private static OssException noSuchUpload(String uploadId, String ec) {
    return OssException.of(OssErrorCode.NO_SUCH_UPLOAD)
        .ec(ec)
        .extra("UploadId", String.valueOf(uploadId))
        .build();
  }

  private static int partNumber(String value) {
    try {
      int number = Integer.parseInt(value == null ? "" : value);
      if (number >= 1 && number <= MAX_PART_NUMBER) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    // Message, ArgumentName and EC as DOC EC page 0017-00000220 shows them.
    throw OssException.of(OssErrorCode.INVALID_ARGUMENT)
        .message("Part number must be an integer between 1 and 10000, inclusive.")
        .ec("0017-00000220")
        .extra("ArgumentName", "PartNumber")
        .extra("ArgumentValue", value == null ? "" : value)
        .build();
  }
}
