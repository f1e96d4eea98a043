package dev.ossemu.operation;

import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.bucket.SseAlgorithm;
import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.object.SseHeaders;
import dev.ossemu.request.Headers;
import dev.ossemu.request.OssRequest;
import dev.ossemu.xml.CreateBucketConfiguration;
import dev.ossemu.xml.XmlCodec;
import java.util.Set;

/**
 * What a PutBucket request asks for (spec §4), validated: ACL header, optional
 * CreateBucketConfiguration body and the default-encryption headers.
 *
 * @param acl the canned ACL, or null when the header is absent
 * @param storageClass the storage class, or null when the request names none
 * @param dataRedundancyType LRS or ZRS, or null when the request names none
 * @param encryption the default rule from the SSE headers, or null
 * @param location the body's LocationConstraint, or null when the request names none
 */
record PutBucketInput(
    String acl,
    String storageClass,
    String dataRedundancyType,
    EncryptionRule encryption,
    String location) {

  static final String DEFAULT_STORAGE_CLASS = "Standard";
  static final String DEFAULT_REDUNDANCY = "LRS";
  static final Set<String> CANNED_ACLS = Set.of("private", "public-read", "public-read-write");
  private static final Set<String> STORAGE_CLASSES =
      Set.of("Standard", "IA", "Archive", "ColdArchive", "DeepColdArchive");
  private static final Set<String> REDUNDANCY_TYPES = Set.of("LRS", "ZRS");

  static PutBucketInput parse(OssRequest request, XmlCodec xml) {
    Headers headers = request.headers();
    String acl = headers.get("x-oss-acl");
    checkAcl(acl);
    // Null when not given: JAVA1 sends no body at all when nothing is set, and a repeat PutBucket
    // without one must not read as a change of an IA or ZRS bucket back to the defaults.
    String storageClass = null;
    String redundancy = null;
    String location = null;
    if (request.body().length > 0) {
      CreateBucketConfiguration configuration =
          xml.read(request.body(), CreateBucketConfiguration.ROOT, CreateBucketConfiguration.class);
      storageClass =
          choose(configuration.storageClass(), storageClass, STORAGE_CLASSES, "StorageClass");
      redundancy =
          choose(
              configuration.dataRedundancyType(),
              redundancy,
              REDUNDANCY_TYPES,
              "DataRedundancyType");
      location = blankToNull(configuration.locationConstraint());
    }
    return new PutBucketInput(acl, storageClass, redundancy, encryption(headers), location);
  }

  /** spec §4: an unknown canned ACL names the header and value. */
  static void checkAcl(String acl) {
    if (acl != null && !CANNED_ACLS.contains(acl)) {
      throw OssException.invalidArgument("no such bucket access control exists", "x-oss-acl", acl);
    }
  }

  /**
   * A bucket lives in the region of the endpoint it is created through; OSS refuses a
   * LocationConstraint naming another one (400 InvalidLocationConstraint), also on a repeat
   * PutBucket of an existing bucket. Both {@code oss-cn-hangzhou} and {@code cn-hangzhou} name it.
   */
  void checkLocation(String region) {
    if (location != null
        && !location.equals(region)
        && !location.equals(BucketViews.location(region))) {
      throw OssException.of(OssErrorCode.INVALID_LOCATION_CONSTRAINT)
          .extra("LocationConstraint", location)
          .build();
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** The storage class a new bucket gets. */
  String storageClassOrDefault() {
    return storageClass == null ? DEFAULT_STORAGE_CLASS : storageClass;
  }

  /** The redundancy type a new bucket gets. */
  String dataRedundancyTypeOrDefault() {
    return dataRedundancyType == null ? DEFAULT_REDUNDANCY : dataRedundancyType;
  }

  private static String choose(String value, String fallback, Set<String> allowed, String name) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    if (!allowed.contains(value.trim())) {
      throw OssException.invalidArgument(
          "The " + name + " you specified is not valid.", name, value);
    }
    return value.trim();
  }

  /**
   * spec §4 and §8a: {@code x-oss-server-side-encryption} sets the bucket's default rule at
   * creation; a data encryption alone is ignored; with a non-KMS algorithm it is dropped.
   */
  private static EncryptionRule encryption(Headers headers) {
    SseHeaders sse = SseHeaders.parse(headers);
    if (sse == null) {
      return null;
    }
    if (sse.algorithm() != SseAlgorithm.KMS) {
      if (sse.keyId() != null) {
        throw OssException.invalidArgument(
            "KMSMasterKeyID is not applicable if the default sse algorithm is not KMS",
            "x-oss-server-side-encryption-key-id",
            sse.keyId());
      }
      return EncryptionRule.of(sse.algorithm());
    }
    return new EncryptionRule(sse.algorithm(), sse.keyId(), sse.dataEncryption());
  }
}
