package dev.ossemu.operation;

import dev.ossemu.blob.Blob;
import dev.ossemu.blob.BlobMd5;
import dev.ossemu.request.QueryParameters;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sequential multipart upload ({@code POST ?uploads&sequential}): the completed object carries the
 * {@code Content-MD5} of its whole body, as a simple upload does (the Go SDK's
 * TestUploadFileWithSequential reads it from HeadObject). The upload's template says so by its
 * type, which no answer reports (a completed object is always {@code Multipart}), so the mark is
 * persisted with the upload as it is.
 */
final class SequentialUpload {
  /** The template type of a sequential upload. */
  static final String TEMPLATE_TYPE = "Multipart-sequential";

  private SequentialUpload() {}

  /** The template type an InitiateMultipartUpload asks for. */
  static String templateType(QueryParameters query) {
    return query.has("sequential") ? TEMPLATE_TYPE : "Multipart";
  }

  /**
   * The stored headers of the completed object: a sequential upload's gain its body's MD5. Only
   * these uploads read their body once more at completion; others join their parts unread.
   */
  static Map<String, String> completedHeaders(
      String templateType, Map<String, String> headers, Blob body) {
    if (!TEMPLATE_TYPE.equals(templateType)) {
      return headers;
    }
    MessageDigest md5 = BlobMd5.fresh();
    body.forEachSlice(0, body.length(), slice -> md5.update(slice.duplicate()));
    Map<String, String> withMd5 = new TreeMap<>(headers);
    withMd5.put("Content-MD5", Base64.getEncoder().encodeToString(md5.digest()));
    return withMd5;
  }
}
