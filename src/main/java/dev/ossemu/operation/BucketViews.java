package dev.ossemu.operation;

import dev.ossemu.bucket.Bucket;
import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.xml.AccessControlPolicy.AccessControlList;
import dev.ossemu.xml.BucketInfo;
import dev.ossemu.xml.ListAllMyBucketsResult.BucketSummary;
import dev.ossemu.xml.Owner;

/** How buckets look in OSS responses: endpoint names, dates and the XML views of §6–7. */
final class BucketViews {
  /** spec §6: a bucket without a rule still shows the element, with this algorithm. */
  static final String NO_ALGORITHM = "None";

  /** Every bucket is in the account's default resource group (OSS's GetBucketResourceGroup). */
  static final String DEFAULT_RESOURCE_GROUP = "rg-default-id";

  private BucketViews() {}

  /** {@code oss-cn-hangzhou}: the location as OSS names it. */
  static String location(String region) {
    return "oss-" + region;
  }

  static Owner owner(String ownerId) {
    return new Owner(ownerId, ownerId);
  }

  /** A bucket's {@code ExtranetEndpoint} and {@code IntranetEndpoint}. */
  record Endpoints(String extranet, String intranet) {
    /**
     * OSS names its own endpoints ({@code oss-cn-hangzhou.aliyuncs.com}, spec §6–7), and the SDK
     * suites assert those names in GetBucketInfo (ali-oss bucket.test.js, Go TestGetBucketInfo), so
     * GetBucketInfo keeps them. Clients connect to ListBuckets' endpoints, though: oss2's suite
     * clean-up opens every listed bucket at its {@code ExtranetEndpoint}. So there a client that
     * reached the emulator at another address ({@code 127.0.0.1:9000}, {@code localhost}) is given
     * that address, which keeps it on the emulator instead of sending it to the cloud; a client
     * that maps OSS's names onto the emulator gets OSS's names. The SDK suites win over the spec's
     * example here, as DEVELOPERS.md asks.
     *
     * @param host the Host header of the service-level ListBuckets request
     */
    static Endpoints of(String host, String region) {
      String endpoint = host == null ? "" : host;
      int colon = endpoint.lastIndexOf(':');
      String name = colon > endpoint.lastIndexOf(']') ? endpoint.substring(0, colon) : endpoint;
      return endpoint.isEmpty() || name.endsWith(".aliyuncs.com")
          ? oss(region)
          : new Endpoints(endpoint, endpoint);
    }

    /** OSS's own names for the region's endpoints. */
    static Endpoints oss(String region) {
      return new Endpoints(
          location(region) + ".aliyuncs.com", location(region) + "-internal.aliyuncs.com");
    }
  }

  static BucketSummary summary(Bucket bucket, String host) {
    Endpoints endpoints = Endpoints.of(host, bucket.region());
    return new BucketSummary(
        XmlTime.format(bucket.creationDate()),
        endpoints.extranet(),
        endpoints.intranet(),
        location(bucket.region()),
        bucket.name(),
        bucket.region(),
        bucket.storageClass(),
        DEFAULT_RESOURCE_GROUP);
  }

  static BucketInfo info(Bucket bucket) {
    Endpoints endpoints = Endpoints.oss(bucket.region());
    return new BucketInfo(
        new BucketInfo.Bucket(
            "Disabled",
            XmlTime.format(bucket.creationDate()),
            endpoints.extranet(),
            endpoints.intranet(),
            location(bucket.region()),
            bucket.storageClass(),
            "Disabled",
            "Disabled",
            bucket.name(),
            DEFAULT_RESOURCE_GROUP,
            owner(bucket.ownerId()),
            new AccessControlList(bucket.acl()),
            bucket.dataRedundancyType(),
            "",
            sseRule(bucket.encryption()),
            new BucketInfo.BucketPolicy("", "")));
  }

  /**
   * spec §6: flat, KMSMasterKeyID only for KMS with a key id (JAVA1 asserts null otherwise), and
   * KMSDataEncryption only for KMS+SM4.
   */
  private static BucketInfo.SseRule sseRule(EncryptionRule rule) {
    if (rule == null) {
      return new BucketInfo.SseRule(NO_ALGORITHM, null, null);
    }
    return new BucketInfo.SseRule(
        rule.algorithm().name(), rule.kmsMasterKeyId(), rule.kmsDataEncryption());
  }
}
