package dev.ossemu.operation;

import dev.ossemu.bucket.Bucket;
import dev.ossemu.bucket.BucketStore;
import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.request.OssResponse;
import dev.ossemu.request.QueryParameters;
import dev.ossemu.xml.ListAllMyBucketsResult;
import dev.ossemu.xml.ListAllMyBucketsResult.BucketSummary;
import dev.ossemu.xml.XmlCodec;
import java.util.ArrayList;
import java.util.List;

/** Service-level actions: ListBuckets (GetService, spec §7). */
public final class ServiceOperations {
  private static final String RESOURCE_GROUP = "x-oss-resource-group-id";

  private final BucketStore store;
  private final XmlCodec xml;

  public ServiceOperations(BucketStore store, XmlCodec xml) {
    this.store = store;
    this.xml = xml;
  }

  /**
   * ListBuckets: the caller's buckets in name order after {@code marker}, filtered by {@code
   * prefix}, at most {@code max-keys}; {@code NextMarker} only when truncated (PY requires it
   * then).
   */
  public OssResponse listBuckets(OssCall call) {
    if (call.principal().isAnonymous()) {
      throw OssException.accessDenied("Anonymous access is forbidden for this operation.");
    }
    QueryParameters query = call.request().query();
    String prefix = orEmpty(query.get("prefix"));
    String marker = orEmpty(query.get("marker"));
    // spec §7: the default is UNCONFIRMED; 100 as for ListObjects, at most 1000.
    int maxKeys = ObjectListOperations.maxKeys(query.get("max-keys"));
    String ownerId = call.principal().account().ownerId();
    boolean inGroup = inDefaultResourceGroup(call.request().headers().get(RESOURCE_GROUP));
    List<BucketSummary> page = new ArrayList<>();
    boolean truncated = false;
    for (Bucket bucket : store.list()) {
      if (!inGroup
          || !bucket.ownerId().equals(ownerId)
          || !bucket.name().startsWith(prefix)
          || bucket.name().compareTo(marker) <= 0) {
        continue;
      }
      if (page.size() == maxKeys) {
        truncated = true;
        break;
      }
      page.add(BucketViews.summary(bucket, call.request().host()));
    }
    String nextMarker = truncated ? page.get(page.size() - 1).name() : null;
    ListAllMyBucketsResult result =
        new ListAllMyBucketsResult(
            prefix, marker, maxKeys, truncated, nextMarker, BucketViews.owner(ownerId), page);
    return OssResponse.xml(200, xml.write(result));
  }

  /**
   * Whether {@code x-oss-resource-group-id} selects the default resource group, where every bucket
   * is: absent, empty or {@code rg-default-id} does, another {@code rg-} id selects none, any other
   * value is refused (OSS's ListBuckets page and its EC page 0017-00000138).
   */
  private static boolean inDefaultResourceGroup(String group) {
    if (group == null || group.isEmpty() || BucketViews.DEFAULT_RESOURCE_GROUP.equals(group)) {
      return true;
    }
    if (!group.startsWith("rg-")) {
      throw OssException.of(OssErrorCode.INVALID_ARGUMENT)
          .message("The resource group id is invalid.")
          .extra("ArgumentName", RESOURCE_GROUP)
          .extra("ArgumentValue", group)
          .ec("0017-00000138")
          .build();
    }
    return false;
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
