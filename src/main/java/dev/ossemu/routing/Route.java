package dev.ossemu.routing;

import dev.ossemu.operation.Operation;

/**
 * One row of the route table: method, resource shape and sub-resource select an OSS action.
 *
 * @param method the HTTP method
 * @param shape what the request addresses
 * @param subResource the query key that selects the action, or null for none
 * @param action the OSS API name, e.g. {@code PutBucketEncryption}
 * @param ramAction the RAM action a policy must allow, e.g. {@code oss:PutBucketEncryption}
 * @param operation what performs it
 */
public record Route(
    String method,
    Shape shape,
    String subResource,
    String action,
    String ramAction,
    Operation operation) {

  /** What a request addresses. */
  public enum Shape {
    SERVICE,
    BUCKET,
    OBJECT
  }
}
