package dev.ossemu.operation;

import dev.ossemu.error.OssException;
import dev.ossemu.request.Headers;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The metadata an upload stores with an object: the standard headers OSS keeps, {@code
 * x-oss-meta-*}, ACL and storage class, validated.
 */
final class ObjectMetadata {
  /** The request headers OSS stores and returns with the object, by wire name. */
  static final List<String> STORED_HEADERS =
      List.of(
          "Content-Type",
          "Cache-Control",
          "Content-Disposition",
          "Content-Encoding",
          "Content-Language",
          "Expires");

  static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";
  static final Set<String> OBJECT_ACLS =
      Set.of("default", "private", "public-read", "public-read-write");
  static final Set<String> STORAGE_CLASSES =
      Set.of("Standard", "IA", "Archive", "ColdArchive", "DeepColdArchive");

  private ObjectMetadata() {}

  /** The standard headers of a request; Content-Type defaults as on OSS. */
  static Map<String, String> headers(Headers request) {
    Map<String, String> stored = new TreeMap<>();
    for (String name : STORED_HEADERS) {
      String value = request.get(name);
      if (value != null) {
        stored.put(name, value);
      }
    }
    stored.putIfAbsent("Content-Type", DEFAULT_CONTENT_TYPE);
    return stored;
  }

  /** The {@code x-oss-meta-*} headers of a request, names lower-cased. */
  static Map<String, String> userMetadata(Headers request) {
    Map<String, String> meta = new TreeMap<>();
    for (String name : request.sortedNames("x-oss-meta-", List.of())) {
      meta.put(name, String.join(",", request.all(name)));
    }
    return meta;
  }

  /** {@code x-oss-object-acl}, {@code default} when absent. */
  static String acl(Headers request) {
    String acl = request.get("x-oss-object-acl");
    if (acl == null) {
      return "default";
    }
    if (!OBJECT_ACLS.contains(acl)) {
      throw OssException.invalidArgument(
          "no such object access control exists", "x-oss-object-acl", acl);
    }
    return acl;
  }

  /** {@code x-oss-storage-class}, else the bucket's. */
  static String storageClass(Headers request, String bucketClass) {
    String storageClass = request.get("x-oss-storage-class");
    if (storageClass == null) {
      return bucketClass;
    }
    if (!STORAGE_CLASSES.contains(storageClass)) {
      throw OssException.invalidArgument(
          "The storage class you specified is not valid.", "x-oss-storage-class", storageClass);
    }
    return storageClass;
  }
}
