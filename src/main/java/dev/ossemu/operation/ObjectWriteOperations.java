package dev.ossemu.operation;

import dev.ossemu.blob.Blob;
import dev.ossemu.bucket.Bucket;
import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.object.ObjectStore;
import dev.ossemu.object.OssObject;
import dev.ossemu.request.OssResponse;
import dev.ossemu.request.Target;
import dev.ossemu.xml.CopyResult;
import dev.ossemu.xml.XmlCodec;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.time.Instant;

/** The writes that build on an existing object: CopyObject and AppendObject. */
public final class ObjectWriteOperations {
  private final BucketAccess access;
  private final ObjectStore objects;
  private final ObjectOperations single;
  private final XmlCodec xml;

  public ObjectWriteOperations(
      BucketAccess access, ObjectStore objects, ObjectOperations single, XmlCodec xml) {
    this.access = access;
    this.objects = objects;
    this.single = single;
    this.xml = xml;
  }

  /** PUT on an object: CopyObject when it names a copy source, PutObject otherwise. */
  public OssResponse putOrCopyObject(OssCall call) {
    String source = call.request().headers().get(CopySource.HEADER);
    return source == null ? single.putObject(call) : copyObject(call, CopySource.parse(source));
  }

  /**
   * CopyObject: the source's body under the target key. Metadata is copied unless {@code
   * x-oss-metadata-directive: REPLACE}; encryption comes from the request or the target bucket's
   * rule, never from the source (spec §8a). The {@code x-oss-copy-source-if-*} conditions are
   * checked on the source (412, or 304 with nothing copied), {@code x-oss-forbid-overwrite} on the
   * target.
   */
  private OssResponse copyObject(OssCall call, CopySource source) {
    OssObject original = sourceObject(call, source);
    if (!ReadConditions.check(call.request().headers(), ReadConditions.COPY_SOURCE, original)) {
      return notModified(original);
    }
    Blob body = retained(original, source);
    try {
      return BucketLifetime.write(access, objects, call, bucket -> copy(call, bucket, original));
    } catch (UncheckedIOException e) {
      throw vanishedOr(e, source);
    } finally {
      body.release();
    }
  }

  /**
   * With {@code --data-dir} a copy reads its source's data file; a delete of the source that won
   * the race removed it first, so the copy answers as it would after that delete: NoSuchKey.
   */
  static RuntimeException vanishedOr(UncheckedIOException e, CopySource source) {
    if (e.getCause() instanceof NoSuchFileException) {
      return OssException.of(OssErrorCode.NO_SUCH_KEY).extra("Key", source.key()).build();
    }
    return e;
  }

  private OssResponse copy(OssCall call, Bucket bucket, OssObject original) {
    single.checkWrite(call, bucket);
    // The copy shares the source's body and its storage lease: its bytes count once.
    OssObject described = single.newObject(call, bucket, original.blob(), "Normal");
    boolean replace =
        "REPLACE".equalsIgnoreCase(call.request().headers().get("x-oss-metadata-directive"));
    OssObject copy =
        new OssObject(
            described.key(),
            original.blob(),
            original.blob().etag(),
            described.lastModified(),
            "Normal",
            replace ? described.headers() : original.headers(),
            replace ? described.userMetadata() : original.userMetadata(),
            described.acl(),
            described.storageClass(),
            described.encryption());
    single.write(call, bucket, copy);
    OssResponse response =
        OssResponse.xml(
            200, xml.write(new CopyResult(XmlTime.format(copy.lastModified()), copy.etag())));
    ObjectResponses.encryption(response, copy);
    return response.header("x-oss-hash-crc64ecma", copy.blob().crc64());
  }

  /**
   * A reference of the caller's own to a source body, which the caller releases: the source may be
   * deleted while it is copied, and then the copy reads as if it came a moment later (NoSuchKey).
   */
  static Blob retained(OssObject original, CopySource source) {
    if (!original.blob().tryRetain()) {
      throw OssException.of(OssErrorCode.NO_SUCH_KEY).extra("Key", source.key()).build();
    }
    return original.blob();
  }

  /** A copy whose source condition answered 304: nothing copied. */
  static OssResponse notModified(OssObject source) {
    return OssResponse.empty(304)
        .header("ETag", source.etag())
        .header("Last-Modified", ObjectResponses.httpDate(source.lastModified()));
  }

  /** The object a copy reads, after the caller's read access to it is checked. */
  OssObject sourceObject(OssCall call, CopySource source) {
    Target target = new Target(source.bucket(), source.key());
    return single.readable(new OssCall(call.request(), target, call.principal()));
  }

  /**
   * AppendObject ({@code POST ?append&position=}): adds to an Appendable object. The position must
   * be its current length; its metadata and encryption are fixed by the first append.
   */
  public OssResponse appendObject(OssCall call) {
    return BucketLifetime.write(access, objects, call, bucket -> appendObject(call, bucket));
  }

  private OssResponse appendObject(OssCall call, Bucket bucket) {
    single.checkWrite(call, bucket);
    long position = position(call.request().query().get("position"));
    Blob appended = call.request().uploadOrBody();
    OssObject first = single.newObject(call, bucket, appended, "Appendable");
    Blob[] combined = new Blob[1];
    OssObject stored;
    try {
      stored =
          objects.update(
              bucket.name(),
              first.key(),
              current -> {
                if (current == null) {
                  checkPosition(position, 0);
                  return first;
                }
                if (!"Appendable".equals(current.type())) {
                  throw OssException.of(OssErrorCode.OBJECT_NOT_APPENDABLE).build();
                }
                checkPosition(position, current.size());
                // Shares the stored extents and goes on from the stored MD5 state: cost of the new
                // bytes only.
                combined[0] = current.blob().append(appended);
                return extended(current, combined[0], first.lastModified(), aclOf(call, current));
              });
    } finally {
      if (combined[0] != null) {
        combined[0].release(); // ours; the store took its own reference if it kept it
      }
    }
    OssResponse response = ObjectResponses.uploaded(OssResponse.empty(200), stored);
    return response.header("x-oss-next-append-position", String.valueOf(stored.size()));
  }

  /**
   * The ACL after a later append: the one it sends, else the object's. Unlike the metadata, which
   * the first append fixes, OSS lets any append set the ACL (the Go SDK's TestAppendObject).
   */
  private static String aclOf(OssCall call, OssObject current) {
    return call.request().headers().get("x-oss-object-acl") == null
        ? current.acl()
        : ObjectMetadata.acl(call.request().headers());
  }

  /** The object grown by an append: its body shares the stored bytes and the new ones. */
  private static OssObject extended(OssObject current, Blob combined, Instant now, String acl) {
    return new OssObject(
        current.key(),
        combined,
        combined.etag(),
        now,
        current.type(),
        current.headers(),
        current.userMetadata(),
        acl,
        current.storageClass(),
        current.encryption());
  }

  private static long position(String value) {
    if (value == null) {
      // OSS's answer to ?append without position (its EC page 0016-00000501).
      throw OssException.of(OssErrorCode.MISSING_ARGUMENT).ec("0016-00000501").build();
    }
    try {
      long position = Long.parseLong(value == null ? "" : value);
      if (position >= 0) {
        return position;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw OssException.invalidArgument(
        "Position must be a non-negative integer.", "position", value);
  }

  private static void checkPosition(long position, long length) {
    if (position != length) {
      throw OssException.of(OssErrorCode.POSITION_NOT_EQUAL_TO_LENGTH)
          .header("x-oss-next-append-position", String.valueOf(length))
          .build();
    }
  }
}
