package dev.ossemu.object;

import dev.ossemu.blob.Blob;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A stored object: its body and everything OSS reports about it.
 *
 * @param key the object key
 * @param blob the body
 * @param etag the ETag, quoted (upper-case MD5 hex, or the multipart form)
 * @param lastModified when it was written
 * @param type {@code Normal}, {@code Appendable} or {@code Multipart}
 * @param headers the stored standard headers (Content-Type, Cache-Control, ...), by wire name
 * @param userMetadata {@code x-oss-meta-*} headers, names lower-cased
 * @param acl the object ACL, {@code default} unless set
 * @param storageClass the storage class
 * @param encryption how it is encrypted, or null
 */
public record OssObject(
    String key,
    Blob blob,
    String etag,
    Instant lastModified,
    String type,
    Map<String, String> headers,
    Map<String, String> userMetadata,
    String acl,
    String storageClass,
    ObjectEncryption encryption) {

  public OssObject {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(blob, "blob");
    headers = Map.copyOf(headers);
    userMetadata = Map.copyOf(userMetadata);
  }

  public long size() {
    return blob.length();
  }

  /** The same object over another blob holding the same bytes (moved to its data file). */
  public OssObject withBlob(Blob moved) {
    return new OssObject(
        key, moved, etag, lastModified, type, headers, userMetadata, acl, storageClass, encryption);
  }
}
