package dev.ossemu.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one sub-resource table: the V1 set (the union of the SDK lists in spec §10.1, case-sensitive)
 * and which names select an action.
 */
class SubResourcesTest {
  /** spec §10.1, copied verbatim. */
  private static final String SPEC_UNION =
      "accessPoint, accessPointPolicy, acl, append, asyncFetch, bucketArchiveDirectRead, bucketInfo,"
          + " callback, callback-var, cloudboxes, cname, comp, continuation-token, cors, delete,"
          + " encryption, endTime, group, httpsConfig, img, inventory, inventoryId, lifecycle, link,"
          + " live, location, logging, metaQuery, objectInfo, objectMeta, partNumber, policy,"
          + " policyStatus, position, processConfiguration, publicAccessBlock, qos, qosInfo,"
          + " qosRequester, redundancyTransition, referer, regionList, replication,"
          + " replicationLocation, replicationProgress, requestPayment, requesterQosInfo,"
          + " resourceGroup, resourcePool, resourcePoolBuckets, resourcePoolInfo,"
          + " response-cache-control, response-content-disposition, response-content-encoding,"
          + " response-content-language, response-content-type, response-expires, restore, seal,"
          + " security-token, sequential, startTime, stat, status, style, styleName, symlink,"
          + " tagging, transferAcceleration, udf, udfApplication, udfApplicationLog, udfImage,"
          + " udfImageDesc, udfName, uploadId, uploads, versionId, versioning, versions, vip, vod,"
          + " vpcip, website, worm, wormExtend, wormId, x-oss-ac-forward-allow, x-oss-ac-source-ip,"
          + " x-oss-ac-subnet-mask, x-oss-ac-vpc-id, x-oss-access-point-name, x-oss-async-process,"
          + " x-oss-delete, x-oss-dir, x-oss-process, x-oss-redundancy-transition-taskid,"
          + " x-oss-rename, x-oss-request-payer, x-oss-target-redundancy-type,"
          + " x-oss-traffic-limit, x-oss-write-get-object-response";

  static Stream<String> specUnion() {
    return Arrays.stream(SPEC_UNION.split(",")).map(String::trim);
  }

  @ParameterizedTest
  @MethodSource("specUnion")
  void listsEveryNameOfTheSpecUnion(String name) {
    assertThat(SubResources.isListed(name)).isTrue();
    assertThat(SubResources.isListedOrOssPrefixed(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ACL",
        "Encryption",
        "uploadid",
        "non-resousce",
        "param1",
        "+param1",
        "OSSAccessKeyId",
        "Expires",
        "Signature",
        "x-oss-signature",
        "x-oss-custom",
        ""
      })
  void ignoresOtherNamesCaseSensitively(String name) {
    assertThat(SubResources.isListed(name)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"x-oss-custom", "x-oss-", "x-oss-signature", "x-oss-process"})
  void widerSetAddsEveryOssPrefixedName(String name) {
    assertThat(SubResources.isListedOrOssPrefixed(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"X-OSS-custom", "x-oss", "xoss-custom", "param1", "ACL"})
  void widerSetStillIgnoresOtherNames(String name) {
    assertThat(SubResources.isListedOrOssPrefixed(name)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"regions", "accessmonitor", "rtc", "responseHeader"})
  void knowsActionsThatNoSdkSignsWithoutSigningThem(String name) {
    assertThat(SubResources.isAction(name)).isTrue();
    assertThat(SubResources.isListed(name)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "partNumber",
        "position",
        "security-token",
        "versionId",
        "continuation-token",
        "response-content-type",
        "x-oss-traffic-limit"
      })
  void signsArgumentsButNeverRoutesOnThem(String name) {
    assertThat(SubResources.isListed(name)).isTrue();
    assertThat(SubResources.isAction(name)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"prefix", "max-keys", "list-type", "encoding-type", "Expires", "acL"})
  void leavesOrdinaryParametersToTheAction(String name) {
    assertThat(SubResources.isAction(name)).isFalse();
  }
}
