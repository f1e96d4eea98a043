package dev.ossemu.operation;

import dev.ossemu.blob.Blob;
import dev.ossemu.bucket.Bucket;
import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.object.ObjectEncryption;
import dev.ossemu.object.ObjectStore;
import dev.ossemu.object.OssObject;
import dev.ossemu.request.Headers;
import dev.ossemu.request.OssRequest;
import dev.ossemu.request.OssResponse;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * The single-object actions: PutObject, GetObject, HeadObject, GetObjectMeta and DeleteObject. An
 * object's encryption is fixed when it is written (spec §8a) and reported on every read.
 */
public final class ObjectOperations {
  /** How often GetObject looks an object up again when its data file vanished meanwhile. */
  private static final int OPEN_ATTEMPTS = 3;

  private final BucketAccess access;
  private final ObjectStore objects;
  private final Clock clock;

  public ObjectOperations(BucketAccess access, ObjectStore objects, Clock clock) {
    this.access = access;
    this.objects = objects;
    this.clock = clock;
  }

  /** PutObject: stores the body with its metadata and encryption; ETag is the MD5. */
  public OssResponse putObject(OssCall call) {
    refuseConditions(call.request().headers());
    return BucketLifetime.write(access, objects, call, bucket -> putObject(call, bucket));
  }

  /** The conditions a read honours, in the order OSS's EC page lists them. */
  private static final String[] READ_CONDITIONS = {
    "If-Modified-Since", "If-Unmodified-Since", "If-Match", "If-None-Match"
  };

  /**
   * OSS's EC page 0017-00000245: PutObject takes no condition header; it answers 400 NotImplemented
   * naming the header (the Go SDK's TestPutObjectNegative expects the error). Nothing is stored.
   */
  private static void refuseConditions(Headers headers) {
    for (String condition : READ_CONDITIONS) {
      if (headers.contains(condition)) {
        throw OssException.of(OssErrorCode.HEADER_NOT_IMPLEMENTED)
            .ec("0017-00000245")
            .extra("Header", condition)
            .build();
      }
    }
  }

  private OssResponse putObject(OssCall call, Bucket bucket) {
    checkWrite(call, bucket);
    OssObject object = newObject(call, bucket, call.request().uploadOrBody(), "Normal");
    OssObject stored = write(call, bucket, object);
    return ObjectResponses.uploaded(OssResponse.empty(200), stored);
  }

  /**
   * Stores an object written by PutObject, CopyObject or CompleteMultipartUpload, unless {@code
   * x-oss-forbid-overwrite: true} is sent and the key exists: 409 FileAlreadyExists, nothing
   * changed.
   */
  OssObject write(OssCall call, Bucket bucket, OssObject object) {
    return write(call, bucket, object, OssErrorCode.FILE_ALREADY_EXISTS.ec());
  }

  /** {@link #write(OssCall, Bucket, OssObject)} whose FileAlreadyExists carries {@code ec}. */
  OssObject write(OssCall call, Bucket bucket, OssObject object, String existsEc) {
    boolean forbid = forbidsOverwrite(call.request().headers());
    return objects.update(
        bucket.name(),
        object.key(),
        current -> {
          if (current != null && forbid) {
            throw OssException.of(OssErrorCode.FILE_ALREADY_EXISTS).ec(existsEc).build();
          }
          return object;
        });
  }

  /** The caller may replace or delete the object at the call's key, as its ACL decides. */
  void checkWrite(OssCall call, Bucket bucket) {
    OssObject current = objects.get(bucket.name(), call.target().key()).orElse(null);
    ObjectAccess.checkWrite(call, bucket, current);
  }

  /** Whether a write asks not to replace an existing object. */
  static boolean forbidsOverwrite(Headers headers) {
    return "true".equalsIgnoreCase(headers.get("x-oss-forbid-overwrite"));
  }

  /** An object as a write request describes it, encrypted per its headers or the bucket rule. */
  OssObject newObject(OssCall call, Bucket bucket, Blob blob, String type) {
    ObjectKeys.check(call.target().key());
    Headers headers = call.request().headers();
    return new OssObject(
        call.target().key(),
        blob,
        blob.etag(),
        clock.instant(),
        type,
        ObjectMetadata.headers(headers),
        ObjectMetadata.userMetadata(headers),
        ObjectMetadata.acl(headers),
        ObjectMetadata.storageClass(headers, bucket.storageClass()),
        ObjectEncryption.resolve(headers, bucket.encryption()));
  }

  /** GetObject: the body, a single range of it (206), or 304 under the conditional headers. */
  public OssResponse getObject(OssCall call) {
    for (int attempt = 1; attempt < OPEN_ATTEMPTS; attempt++) {
      OssObject object = readable(call);
      try {
        return getObject(call, object);
      } catch (UncheckedIOException e) {
        // A concurrent overwrite deleted the data file between the look-up and the open: the
        // object read again names the new one.
      }
    }
    // Under steady overwrites every lock-free try may lose that race; writers replace data files
    // holding the bucket's lock, so a look-up and open under it always succeed. Only the open
    // happens here (an open file outlives its deletion), never the transfer.
    return objects.locks().locked(call.bucket(), () -> getObject(call, readable(call)));
  }

  private OssResponse getObject(OssCall call, OssObject object) {
    OssRequest request = call.request();
    if (!ReadConditions.check(request.headers(), object)) {
      return OssResponse.empty(304)
          .header("ETag", object.etag())
          .header("Last-Modified", ObjectResponses.httpDate(object.lastModified()));
    }
    ReadConditions.Range range = ReadConditions.range(request.headers(), object.size());
    OssResponse response =
        range == null
            ? OssResponse.stream(200, object.blob(), 0, object.size())
            : OssResponse.stream(206, object.blob(), range.start(), range.end() + 1)
                .header(
                    "Content-Range",
                    "bytes " + range.start() + "-" + range.end() + "/" + object.size());
    ObjectResponses.describe(response, object, request.query());
    return range == null && GzipEncoding.applies(request.headers(), object)
        ? GzipEncoding.compress(response)
        : response;
  }

  /** HeadObject: GetObject's headers, no body; errors go in {@code x-oss-err}. */
  public OssResponse headObject(OssCall call) {
    OssObject object = readable(call);
    if (!ReadConditions.check(call.request().headers(), object)) {
      return OssResponse.empty(304).header("ETag", object.etag());
    }
    return ObjectResponses.describe(
        OssResponse.head(200, object.size()), object, call.request().query());
  }

  /** GetObjectMeta ({@code HEAD ?objectMeta}): the basic metadata only. */
  public OssResponse getObjectMeta(OssCall call) {
    OssObject object = readable(call);
    return OssResponse.head(200, object.size())
        .header("ETag", object.etag())
        .header("Last-Modified", ObjectResponses.httpDate(object.lastModified()))
        .header("x-oss-hash-crc64ecma", object.blob().crc64());
  }

  /** DeleteObject: 204 whether or not the object existed, as on OSS. */
  public OssResponse deleteObject(OssCall call) {
    Bucket bucket = access.existing(call);
    checkWrite(call, bucket);
    objects.delete(bucket.name(), call.target().key());
    return OssResponse.empty(204);
  }

  /** The object a read addresses, after the access check; 404 NoSuchKey when absent. */
  OssObject readable(OssCall call) {
    Bucket bucket = access.existing(call);
    OssObject object = objects.get(bucket.name(), call.target().key()).orElse(null);
    ObjectAccess.checkRead(call, bucket, object);
    if (object == null) {
      throw OssException.of(OssErrorCode.NO_SUCH_KEY).extra("Key", call.target().key()).build();
    }
    return object;
  }
}
