package dev.ossemu.request;

import java.util.Set;

/**
 * The one table of OSS sub-resources (query keys with a meaning of their own), used both for
 * signing and for routing. Names are case-sensitive. Three lists:
 *
 * <ul>
 *   <li>{@code SIGNED}: the names that take part in a V1 signature's CanonicalizedResource, the
 *       union of the SDKs' lists (spec §10.1);
 *   <li>{@code ARGUMENTS}: signed names that are an argument of some action and never select one
 *       (GetObject with {@code response-content-type} is still GetObject);
 *   <li>{@code UNSIGNED_ACTIONS}: sub-resources that select an OSS action but that no SDK signs in
 *       V1 (JAVA1 3.18 names {@code regions} and {@code accessmonitor} without signing them).
 * </ul>
 *
 * <p>Every other signed name, and every unsigned action, selects an OSS action: the router serves
 * it or answers 501 NotImplemented, never another action (issue 14: {@code GET /?regions} is not
 * ListBuckets). A new sub-resource is one line here plus its route.
 */
public final class SubResources {
  private static final Set<String> SIGNED =
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

  private static final Set<String> ARGUMENTS =
      Set.of(
          "continuation-token",
          "partNumber",
          "position",
          "security-token",
          "versionId",
          // A bandwidth cap on an upload or download URL (the Python SDK signs it), not an action.
          "x-oss-traffic-limit");

  private static final Set<String> UNSIGNED_ACTIONS =
      Set.of(
          "accessmonitor",
          "cleanRestoredObject",
          "overwriteConfig",
          "regions",
          "responseHeader",
          "rtc",
          "userDefinedLogFieldsConfig");

  private SubResources() {}

  /** True for a name in the V1 union list. */
  public static boolean isListed(String name) {
    return SIGNED.contains(name);
  }

  /** True for a sub-resource that selects an OSS action, whether or not the emulator serves it. */
  public static boolean isAction(String name) {
    if (SIGNED.contains(name)) {
      return !ARGUMENTS.contains(name) && !name.startsWith("response-");
    }
    return UNSIGNED_ACTIONS.contains(name);
  }

  /**
   * The wider set GO2 signs: the union list plus any {@code x-oss-} key (spec §10.1, the
   * recommended retry that tolerates SDK differences).
   */
  public static boolean isListedOrOssPrefixed(String name) {
    return SIGNED.contains(name) || name.startsWith("x-oss-");
  }
}
