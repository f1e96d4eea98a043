package dev.ossemu.operation;

import dev.ossemu.bucket.Bucket;
import dev.ossemu.error.OssException;
import dev.ossemu.object.MultipartUpload;
import dev.ossemu.object.ObjectStore;
import dev.ossemu.request.OssResponse;
import dev.ossemu.request.QueryParameters;
import dev.ossemu.xml.Multipart;
import dev.ossemu.xml.XmlCodec;
import java.util.ArrayList;
import java.util.List;

/** ListParts ({@code GET ?uploadId}) and ListMultipartUploads ({@code GET /?uploads}). */
public final class MultipartListOperations {
  static final int MAX_ENTRIES = 1000;

  private final BucketAccess access;
  private final ObjectStore objects;
  private final MultipartOperations multipart;
  private final XmlCodec xml;

  public MultipartListOperations(
      BucketAccess access, ObjectStore objects, MultipartOperations multipart, XmlCodec xml) {
    this.access = access;
    this.objects = objects;
    this.multipart = multipart;
    this.xml = xml;
  }

  /** ListParts: parts after {@code part-number-marker}, at most {@code max-parts}. */
  public OssResponse listParts(OssCall call) {
    MultipartUpload upload = multipart.upload(call);
    QueryParameters query = call.request().query();
    int marker = number(query.get("part-number-marker"), 0, "part-number-marker");
    int max = number(query.get("max-parts"), MAX_ENTRIES, "max-parts");
    List<Multipart.PartInfo> parts = new ArrayList<>();
    boolean truncated = false;
    for (MultipartUpload.Part part : upload.parts()) {
      if (part.partNumber() <= marker) {
        continue;
      }
      if (parts.size() == max) {
        truncated = true;
        break;
      }
      parts.add(
          new Multipart.PartInfo(
              part.partNumber(),
              XmlTime.format(part.lastModified()),
              part.etag(),
              part.blob().crc64(),
              part.blob().length()));
    }
    // OSS answers an empty element, not 0, when no part is listed (oss2 and Go parse it as such).
    String next = parts.isEmpty() ? "" : Integer.toString(parts.get(parts.size() - 1).partNumber());
    Multipart.ListPartsResult result =
        new Multipart.ListPartsResult(
            call.bucket(), upload.key(), upload.uploadId(), marker, next, max, truncated, parts);
    return OssResponse.xml(200, xml.write(result));
  }

  /**
   * ListMultipartUploads: uploads by key, then by upload id, after key-marker (and, for the
   * key-marker's own uploads, after upload-id-marker), with prefix, delimiter and max-uploads.
   * NextKeyMarker and NextUploadIdMarker always name the last entry listed (empty when none), as
   * OSS answers and the Java SDK's UploadPartTest expects.
   */
  public OssResponse listMultipartUploads(OssCall call) {
    Bucket bucket = access.existing(call);
    ObjectAccess.checkWrite(call, bucket);
    QueryParameters query = call.request().query();
    UploadPage page =
        new UploadPage(
            orEmpty(query.get("prefix")),
            orEmpty(query.get("delimiter")),
            orEmpty(query.get("key-marker")),
            orEmpty(query.get("upload-id-marker")),
            number(query.get("max-uploads"), MAX_ENTRIES, "max-uploads"));
    for (MultipartUpload upload : objects.uploads(bucket.name())) {
      if (!page.offer(upload)) {
        break;
      }
    }
    return OssResponse.xml(200, xml.write(page.result(bucket.name())));
  }

  private static int number(String value, int fallback, String name) {
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= 0 && parsed <= MAX_ENTRIES * 10) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw OssException.invalidArgument("Argument " + name + " is not valid.", name, value);
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
