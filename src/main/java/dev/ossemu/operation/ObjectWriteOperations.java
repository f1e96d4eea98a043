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
import java.time.Instant;
import java.util.List;

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
   * rule, never from the source (spec §8a).
   */
  private OssResponse copyObject(OssCall call, CopySource source) {
    OssObject original = sourceObject(call, source);
    Bucket bucket = access.existing(call);
    ObjectAccess.checkWrite(call, bucket);
    objects.quota().reserve(original.size()); // the copy is accounted as its own bytes
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
    objects.update(bucket.name(), copy.key(), current -> copy);
    OssResponse response =
        OssResponse.xml(
            200, xml.write(new CopyResult(XmlTime.format(copy.lastModified()), copy.etag())));
    ObjectResponses.encryption(response, copy);
    return response.header("x-oss-hash-crc64ecma", copy.blob().crc64());
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
    Bucket bucket = access.existing(call);
    ObjectAccess.checkWrite(call, bucket);
    long position = position(call.request().query().get("position"));
    Blob appended = call.request().uploadOrBody();
    OssObject first = single.newObject(call, bucket, appended, "Appendable");
    OssObject stored =
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
              return extended(current, appended, first.lastModified());
            });
    OssResponse response = ObjectResponses.uploaded(OssResponse.empty(200), stored);
    return response.header("x-oss-next-append-position", String.valueOf(stored.size()));
  }

  private OssObject extended(OssObject current, Blob appended, Instant now) {
    // The new body shares the stored chunks; its bytes were reserved when they arrived, and the
    // old body's reservation, which the store gives back on replacement, is taken again here.
    objects.quota().reserve(current.size());
    Blob combined = Blob.concat(List.of(current.blob(), appended));
    return new OssObject(
        current.key(),
        combined,
        combined.etag(),
        now,
        current.type(),
        current.headers(),
        current.userMetadata(),
        current.acl(),
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
