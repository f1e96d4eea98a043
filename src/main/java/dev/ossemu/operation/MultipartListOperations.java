package dev.ossemu.operation;

import dev.ossemu.bucket.Bucket;
import dev.ossemu.error.OssException;
import dev.ossemu.object.InMemoryObjectStore;
import dev.ossemu.object.MultipartUpload;
import dev.ossemu.object.ObjectStore;
import dev.ossemu.request.OssResponse;
import dev.ossemu.request.QueryParameters;
import dev.ossemu.xml.ListBucketResult.CommonPrefix;
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
              ObjectWriteOperations.ISO.format(part.lastModified()),
              part.etag(),
              part.blob().crc64(),
              part.blob().length()));
    }
    int next = parts.isEmpty() ? marker : parts.get(parts.size() - 1).partNumber();
    Multipart.ListPartsResult result =
        new Multipart.ListPartsResult(
            call.bucket(), upload.key(), upload.uploadId(), marker, next, max, truncated, parts);
    return OssResponse.xml(200, xml.write(result));
  }

  /** ListMultipartUploads: uploads by key, with prefix, delimiter, key-marker and max-uploads. */
  public OssResponse listMultipartUploads(OssCall call) {
    Bucket bucket = access.existing(call);
    ObjectAccess.checkWrite(call, bucket);
    QueryParameters query = call.request().query();
    String prefix = orEmpty(query.get("prefix"));
    String delimiter = orEmpty(query.get("delimiter"));
    String keyMarker = orEmpty(query.get("key-marker"));
    int max = number(query.get("max-uploads"), MAX_ENTRIES, "max-uploads");
    List<Multipart.UploadInfo> uploads = new ArrayList<>();
    List<CommonPrefix> prefixes = new ArrayList<>();
    boolean truncated = false;
    String last = null;
    for (MultipartUpload upload : objects.uploads(bucket.name())) {
      String key = upload.key();
      if (!key.startsWith(prefix) || InMemoryObjectStore.UTF8_ORDER.compare(key, keyMarker) <= 0) {
        continue;
      }
      int cut = delimiter.isEmpty() ? -1 : key.indexOf(delimiter, prefix.length());
      String entry = cut < 0 ? null : key.substring(0, cut + delimiter.length());
      if (entry != null && entry.equals(last)) {
        continue;
      }
      if (uploads.size() + prefixes.size() == max) {
        truncated = true;
        break;
      }
      if (entry != null) {
        prefixes.add(new CommonPrefix(entry));
        last = entry;
      } else {
        uploads.add(
            new Multipart.UploadInfo(
                key, upload.uploadId(), ObjectWriteOperations.ISO.format(upload.initiated())));
        last = key;
      }
    }
    Multipart.UploadInfo lastUpload = uploads.isEmpty() ? null : uploads.get(uploads.size() - 1);
    Multipart.ListUploadsResult result =
        new Multipart.ListUploadsResult(
            bucket.name(),
            keyMarker,
            orEmpty(query.get("upload-id-marker")),
            truncated && lastUpload != null ? lastUpload.key() : null,
            truncated && lastUpload != null ? lastUpload.uploadId() : null,
            delimiter.isEmpty() ? null : delimiter,
            prefix,
            max,
            truncated,
            uploads,
            prefixes);
    return OssResponse.xml(200, xml.write(result));
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
