package dev.ossemu.operation;

import dev.ossemu.blob.Blob;
import dev.ossemu.bucket.Bucket;
import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.object.MultipartUpload;
import dev.ossemu.object.ObjectEncryption;
import dev.ossemu.object.ObjectStore;
import dev.ossemu.object.OssObject;
import dev.ossemu.request.OssResponse;
import dev.ossemu.xml.Multipart;
import dev.ossemu.xml.XmlCodec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * CompleteMultipartUpload: the parts of an upload {@link MultipartOperations} started become the
 * object, with the metadata and encryption fixed at Initiate.
 */
public final class MultipartCompletion {
  /** The EC of a CompleteMultipartUpload body OSS cannot read (observed by the Go SDK v2). */
  static final String COMPLETE_MALFORMED_XML_EC = "0042-00000205";

  /** FileAlreadyExists of CompleteMultipartUpload under x-oss-forbid-overwrite (DOC EC page). */
  static final String COMPLETE_EXISTS_EC = "0042-00000214";

  /**
   * x-oss-complete-all: yes with a body listing parts: OSS's message (typo included) and EC, as the
   * Go SDK v2's integration test observes them ({@code oss/client_integration_test.go}).
   */
  static final String COMPLETE_ALL_WITH_BODY_EC = "0042-00000216";

  /** OSS's smallest part, except the last: 100 KiB. */
  static final long MIN_PART_BYTES = 100 * 1024;

  private final BucketAccess access;
  private final ObjectStore objects;
  private final MultipartOperations multipart;
  private final ObjectOperations single;
  private final XmlCodec xml;
  private final Clock clock;

  public MultipartCompletion(
      BucketAccess access,
      ObjectStore objects,
      MultipartOperations multipart,
      ObjectOperations single,
      XmlCodec xml,
      Clock clock) {
    this.access = access;
    this.objects = objects;
    this.multipart = multipart;
    this.single = single;
    this.xml = xml;
    this.clock = clock;
  }

  /**
   * CompleteMultipartUpload ({@code POST ?uploadId}): the listed parts, in ascending order, each
   * present with its ETag and, but for the last, at least 100 KiB, become the object.
   */
  public OssResponse completeMultipartUpload(OssCall call) {
    if (ObjectEncryption.present(call.request().headers())) {
      throw OssException.invalidArgument(
          "Server side encryption headers are not allowed on CompleteMultipartUpload.",
          "x-oss-server-side-encryption",
          call.request().headers().get("x-oss-server-side-encryption"));
    }
    return BucketLifetime.write(access, objects, call, bucket -> complete(call, bucket));
  }

  private OssResponse complete(OssCall call, Bucket bucket) {
    MultipartUpload upload = multipart.upload(call);
    List<Blob> bodies = new ArrayList<>();
    List<MultipartUpload.Part> parts = listedParts(call, upload);
    for (int i = 0; i < parts.size(); i++) {
      if (i < parts.size() - 1 && parts.get(i).blob().length() < MIN_PART_BYTES) {
        throw OssException.of(OssErrorCode.ENTITY_TOO_SMALL)
            .extra("PartNumber", String.valueOf(parts.get(i).partNumber()))
            .build();
      }
      bodies.add(parts.get(i).blob());
    }
    // The parts' extents and leases, shared, their CRC-64 values combined: nothing is read again.
    Blob body = Blob.concat(bodies);
    try {
      OssObject object = completed(upload, body, parts);
      // The object is written before the upload goes: a crash in between keeps the acknowledged
      // parts rather than losing them. Removing the upload gives back the unlisted parts.
      // 409 under x-oss-forbid-overwrite; the upload stays. EC: DOC EC page 0042-00000214.
      single.write(call, bucket, object, COMPLETE_EXISTS_EC);
      objects.removeUpload(bucket.name(), upload.uploadId());
      return completeResponse(call, bucket, object);
    } finally {
      body.release();
    }
  }

  private OssObject completed(MultipartUpload upload, Blob body, List<MultipartUpload.Part> parts) {
    OssObject template = upload.template();
    return new OssObject(
        template.key(),
        body,
        MultipartEtag.of(parts),
        clock.instant(),
        "Multipart",
        SequentialUpload.completedHeaders(template.type(), template.headers(), body),
        template.userMetadata(),
        template.acl(),
        template.storageClass(),
        template.encryption());
  }

  private OssResponse completeResponse(OssCall call, Bucket bucket, OssObject object) {
    boolean url = "url".equals(call.request().query().get("encoding-type"));
    String key = url ? dev.ossemu.request.PercentCodec.encode(object.key(), false) : object.key();
    Multipart.CompleteResult result =
        new Multipart.CompleteResult(
            url ? "url" : null, location(call, key), bucket.name(), key, object.etag());
    OssResponse response = OssResponse.xml(200, xml.write(result));
    response.header("ETag", object.etag()).header("x-oss-hash-crc64ecma", object.blob().crc64());
    ObjectResponses.encryption(response, object);
    return response;
  }

  private List<MultipartUpload.Part> listedParts(OssCall call, MultipartUpload upload) {
    if ("yes".equalsIgnoreCase(call.request().headers().get("x-oss-complete-all"))) {
      return everyPart(call, upload);
    }
    Multipart.Complete request =
        OssException.withMalformedXmlEc(
            () ->
                xml.read(call.request().body(), Multipart.Complete.ROOT, Multipart.Complete.class),
            COMPLETE_MALFORMED_XML_EC);
    if (request.parts() == null || request.parts().isEmpty()) {
      throw OssException.of(OssErrorCode.MALFORMED_XML).ec(COMPLETE_MALFORMED_XML_EC).build();
    }
    int previous = 0;
    for (Multipart.CompletePart listed : request.parts()) {
      if (listed == null || listed.partNumber() == null || listed.etag() == null) {
        throw OssException.of(OssErrorCode.MALFORMED_XML).ec(COMPLETE_MALFORMED_XML_EC).build();
      }
      if (listed.partNumber() <= previous) {
        throw OssException.of(OssErrorCode.INVALID_PART_ORDER).build();
      }
      previous = listed.partNumber();
    }
    List<MultipartUpload.Part> parts = new ArrayList<>();
    for (Multipart.CompletePart listed : request.parts()) {
      MultipartUpload.Part part = upload.part(listed.partNumber());
      if (part == null || !sameEtag(part.etag(), listed.etag())) {
        throw OssException.of(OssErrorCode.INVALID_PART)
            .extra("PartNumber", String.valueOf(listed.partNumber()))
            .extra("ETag", listed.etag())
            .build();
      }
      parts.add(part);
    }
    return parts;
  }

  /**
   * {@code x-oss-complete-all: yes}: every uploaded part in part-number order, as OSS lists them.
   * The body is empty (PY sends none); GO1 sends an empty {@code <CompleteMultipartUpload>}, which
   * is taken as none. A body that lists parts contradicts the header.
   */
  private List<MultipartUpload.Part> everyPart(OssCall call, MultipartUpload upload) {
    byte[] body = call.request().body();
    List<Multipart.CompletePart> listed =
        body.length == 0
            ? null
            : xml.read(body, Multipart.Complete.ROOT, Multipart.Complete.class).parts();
    if (listed != null && !listed.isEmpty()) {
      throw OssException.of(OssErrorCode.INVALID_ARGUMENT)
          .message("Should not speficy both complete all header and http body.")
          .ec(COMPLETE_ALL_WITH_BODY_EC)
          .build();
    }
    List<MultipartUpload.Part> parts = upload.parts();
    if (parts.isEmpty()) {
      throw OssException.malformedXml();
    }
    return parts;
  }

  /**
   * The absolute URL OSS answers in {@code <Location>}, in the request's own addressing style:
   * {@code http://<bucket>.<host>/<key>} when the Host names the bucket, otherwise {@code
   * http://<host>/<bucket>/<key>}.
   */
  private static String location(OssCall call, String key) {
    String host = call.request().headers().get("Host");
    if (host == null) {
      host = "";
    }
    boolean virtualHosted = host.startsWith(call.bucket() + ".");
    return "http://" + host + "/" + (virtualHosted ? "" : call.bucket() + "/") + key;
  }

  private static boolean sameEtag(String stored, String listed) {
    String bare = listed.trim();
    return stored.equalsIgnoreCase(bare) || stored.equalsIgnoreCase("\"" + bare + "\"");
  }
}
