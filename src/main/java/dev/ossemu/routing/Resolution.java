package dev.ossemu.routing;

import dev.ossemu.error.OssException;
import dev.ossemu.request.QueryParameters;
import dev.ossemu.request.Target;

/**
 * A request's path, query, target and route, worked out once from its head: the body assembler
 * reads the route's body kind from it before the body arrives, and the service dispatches on it
 * afterwards without resolving anything again.
 *
 * @param rawPath the path as sent, still percent-encoded
 * @param rawQuery the query as sent (without {@code ?}), or the empty string
 * @param query the decoded query parameters
 * @param target the bucket and key, or null for a request that is not for OSS (the admin API)
 * @param route the route, or null when there is none
 * @param refusal why there is no route (405 or 501), reported after the signature check; or null
 */
public record Resolution(
    String rawPath,
    String rawQuery,
    QueryParameters query,
    Target target,
    Route route,
    OssException refusal) {

  /** How the body is taken in: as the route says, and as a small document when unrouted. */
  public BodyKind bodyKind() {
    return route == null ? BodyKind.DOCUMENT : route.body();
  }

  /** Splits a request target such as {@code /bucket/?encryption=} without resolving it further. */
  public static Resolution unrouted(String uri) {
    int question = uri.indexOf('?');
    String path = question < 0 ? uri : uri.substring(0, question);
    String query = question < 0 ? "" : uri.substring(question + 1);
    return new Resolution(path, query, QueryParameters.parse(query), null, null, null);
  }
}
