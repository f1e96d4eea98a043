package dev.ossemu.routing;

import dev.ossemu.operation.Operation;

/**
 * One row of the route table: method, resource shape and sub-resource select an OSS action, and the
 * row says how that action's body is taken in, so nothing else needs to know the routing.
 *
 * @param method the HTTP method
 * @param shape what the request addresses
 * @param subResource the query key that selects the action, or null for none
 * @param action the OSS API name, e.g. {@code PutBucketEncryption}
 * @param ramAction the RAM action a policy must allow, e.g. {@code oss:PutBucketEncryption}
 * @param body how the action's request body is taken in
 * @param operation what performs it
 */
public record Route(
    String method,
    Shape shape,
    String subResource,
    String action,
    String ramAction,
    BodyKind body,
    Operation operation) {

  /** What a request addresses. */
  public enum Shape {
    SERVICE,
    BUCKET,
    OBJECT
  }

  /**
   * A row whose RAM action is the API name with the {@code oss:} prefix, as for most actions, and
   * whose body is a small document.
   */
  public static Route row(
      String method, Shape shape, String subResource, String action, Operation operation) {
    return new Route(
        method, shape, subResource, action, "oss:" + action, BodyKind.DOCUMENT, operation);
  }

  /** This row with another RAM action. */
  public Route ram(String newRamAction) {
    return new Route(method, shape, subResource, action, newRamAction, body, operation);
  }

  /** This row with another body kind. */
  public Route body(BodyKind newBody) {
    return new Route(method, shape, subResource, action, ramAction, newBody, operation);
  }
}
