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

  static BucketSummary summary(Bucket bucket) {
    return new BucketSummary(
        XmlTime.format(bucket.creationDate()),
        location(bucket.region()) + ".aliyuncs.com",
        location(bucket.region()) + "-internal.aliyuncs.com",
        location(bucket.region()),
        bucket.name(),
        bucket.region(),
        bucket.storageClass(),
        DEFAULT_RESOURCE_GROUP);
  }

  static BucketInfo info(Bucket bucket) {
    BucketSummary summary = summary(bucket);
    return new BucketInfo(
        new BucketInfo.Bucket(
            "Disabled",
            summary.creationDate(),
            summary.extranetEndpoint(),
            summary.intranetEndpoint(),
            summary.location(),
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
