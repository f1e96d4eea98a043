package dev.ossemu.operation;

import dev.ossemu.object.InMemoryObjectStore;
import dev.ossemu.object.MultipartUpload;
import dev.ossemu.xml.ListBucketResult.CommonPrefix;
import dev.ossemu.xml.Multipart;
import java.util.ArrayList;
import java.util.List;

/** One page of ListMultipartUploads, filled from the uploads in key and upload id order. */
final class UploadPage {
  private final String prefix;
  private final String delimiter;
  private final String keyMarker;
  private final String uploadIdMarker;
  private final int max;
  private final List<Multipart.UploadInfo> uploads = new ArrayList<>();
  private final List<CommonPrefix> prefixes = new ArrayList<>();
  private boolean truncated;
  private String lastEntry = "";
  private String lastUploadId = "";

  UploadPage(String prefix, String delimiter, String keyMarker, String uploadIdMarker, int max) {
    this.prefix = prefix;
    this.delimiter = delimiter;
    this.keyMarker = keyMarker;
    this.uploadIdMarker = uploadIdMarker;
    this.max = max;
  }

  /** Adds {@code upload} if it belongs on this page; false once the page is full. */
  boolean offer(MultipartUpload upload) {
    String key = upload.key();
    if (!key.startsWith(prefix) || !afterMarkers(upload)) {
      return true;
    }
    int cut = delimiter.isEmpty() ? -1 : key.indexOf(delimiter, prefix.length());
    String entry = cut < 0 ? null : key.substring(0, cut + delimiter.length());
    if (entry != null && entry.equals(lastEntry)) {
      return true;
    }
    if (uploads.size() + prefixes.size() == max) {
      truncated = true;
      return false;
    }
    if (entry != null) {
      prefixes.add(new CommonPrefix(entry));
      lastEntry = entry;
      lastUploadId = "";
    } else {
      uploads.add(
          new Multipart.UploadInfo(key, upload.uploadId(), XmlTime.format(upload.initiated())));
      lastEntry = key;
      lastUploadId = upload.uploadId();
    }
    return true;
  }

  /**
   * OSS ListMultipartUploads: without upload-id-marker the page starts after every upload of
   * key-marker; with it, the key-marker's uploads whose id sorts after it are listed too.
   */
  private boolean afterMarkers(MultipartUpload upload) {
    int byKey = InMemoryObjectStore.UTF8_ORDER.compare(upload.key(), keyMarker);
    if (byKey != 0 || uploadIdMarker.isEmpty()) {
      return byKey > 0;
    }
    return upload.uploadId().compareTo(uploadIdMarker) > 0;
  }

  Multipart.ListUploadsResult result(String bucket) {
    return new Multipart.ListUploadsResult(
        bucket,
        keyMarker,
        uploadIdMarker,
        lastEntry,
        lastUploadId,
        delimiter.isEmpty() ? null : delimiter,
        prefix,
        max,
        truncated,
        uploads,
        prefixes);
  }
}
