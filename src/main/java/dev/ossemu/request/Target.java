package dev.ossemu.request;

/**
 * What a request addresses once Host and path are resolved (spec §11).
 *
 * @param bucket the bucket name, or null for a service request such as ListBuckets
 * @param key the decoded object key; empty for service and bucket-level requests
 */
public record Target(String bucket, String key) {

  public static Target service() {
    return new Target(null, "");
  }

  public boolean isService() {
    return bucket == null;
  }

  public boolean isBucket() {
    return bucket != null && key.isEmpty();
  }

  public boolean isObject() {
    return bucket != null && !key.isEmpty();
  }
}
