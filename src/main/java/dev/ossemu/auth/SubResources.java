package dev.ossemu.auth;

import java.util.Set;

/**
 * The query parameters that take part in a V1 signature's CanonicalizedResource: the union of the
 * SDKs' lists (spec §10.1). Names are case-sensitive.
 */
public final class SubResources {
  private static final Set<String> NAMES =
      Set.of(
          "accessPoint",
          "accessPointPolicy",
          "acl",
          "append",
          "asyncFetch",
          "bucketArchiveDirectRead",
          "bucketInfo",
          "callback",
          "callback-var",
          "cloudboxes",
          "cname",
          "comp",
          "continuation-token",
          "cors",
          "delete",
          "encryption",
          "endTime",
          "group",
          "httpsConfig",
          "img",
          "inventory",
          "inventoryId",
          "lifecycle",
          "link",
          "live",
          "location",
          "logging",
          "metaQuery",
          "objectInfo",
          "objectMeta",
          "partNumber",
          "policy",
          "policyStatus",
          "position",
          "processConfiguration",
          "publicAccessBlock",
          "qos",
          "qosInfo",
          "qosRequester",
          "redundancyTransition",
          "referer",
          "regionList",
          "replication",
          "replicationLocation",
          "replicationProgress",
          "requestPayment",
          "requesterQosInfo",
          "resourceGroup",
          "resourcePool",
          "resourcePoolBuckets",
          "resourcePoolInfo",
          "response-cache-control",
          "response-content-disposition",
          "response-content-encoding",
          "response-content-language",
          "response-content-type",
          "response-expires",
          "restore",
          "seal",
          "security-token",
          "sequential",
          "startTime",
          "stat",
          "status",
          "style",
          "styleName",
          "symlink",
          "tagging",
          "transferAcceleration",
          "udf",
          "udfApplication",
          "udfApplicationLog",
          "udfImage",
          "udfImageDesc",
          "udfName",
          "uploadId",
          "uploads",
          "versionId",
          "versioning",
          "versions",
          "vip",
          "vod",
          "vpcip",
          "website",
          "worm",
          "wormExtend",
          "wormId",
          "x-oss-ac-forward-allow",
          "x-oss-ac-source-ip",
          "x-oss-ac-subnet-mask",
          "x-oss-ac-vpc-id",
          "x-oss-access-point-name",
          "x-oss-async-process",
          "x-oss-delete",
          "x-oss-dir",
          "x-oss-process",
          "x-oss-redundancy-transition-taskid",
          "x-oss-rename",
          "x-oss-request-payer",
          "x-oss-target-redundancy-type",
          "x-oss-traffic-limit",
          "x-oss-write-get-object-response");

  private SubResources() {}

  /** True for a name in the union list. */
  public static boolean isListed(String name) {
    return NAMES.contains(name);
  }

  /**
   * The wider set GO2 signs: the union list plus any {@code x-oss-} key (spec §10.1, the
   * recommended retry that tolerates SDK differences).
   */
  public static boolean isListedOrOssPrefixed(String name) {
    return NAMES.contains(name) || name.startsWith("x-oss-");
  }
}
