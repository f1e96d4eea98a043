package dev.ossemu.routing;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.request.QueryParameters;
import dev.ossemu.request.SubResources;
import dev.ossemu.request.Target;
import dev.ossemu.routing.Route.Shape;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Picks the OSS action for a request from a flat route table; the first matching row wins. The
 * sub-resource is the first query key the table knows (other query keys never select an action, as
 * on OSS). A known shape and sub-resource with another method is MethodNotAllowed; an OSS
 * sub-resource or shape the emulator does not serve is NotImplemented, never a dropped request.
 */
public final class Router {
  private final Addressing addressing;
  private final List<Route> routes;
  private final Set<String> routedSubResources = new HashSet<>();

  /**
   * @param addressing how Host and path name a bucket and key
   * @param routes the route table, first match wins
   */
  public Router(Addressing addressing, List<Route> routes) {
    this.addressing = addressing;
    this.routes = List.copyOf(routes);
    for (Route route : this.routes) {
      if (route.subResource() != null) {
        routedSubResources.add(route.subResource());
      }
    }
  }

  /**
   * Resolves a request head once: path and query split, Host and path turned into a target, and the
   * route picked (or the refusal that answers it).
   *
   * @param host the Host header, possibly with a port
   * @param uri the request target as sent
   */
  public Resolution resolve(String method, String host, String uri) {
    Resolution split = Resolution.unrouted(uri);
    Target target = addressing.resolve(host, split.rawPath());
    Route route = null;
    OssException refusal = null;
    try {
      route = route(method, split.query(), target);
    } catch (OssException e) {
      refusal = e;
    }
    return new Resolution(split.rawPath(), split.rawQuery(), split.query(), target, route, refusal);
  }

  /** Sub-resources whose other OSS actions (writing them) the emulator does not implement. */
  private static final Set<String> READ_ONLY_SUB_RESOURCES =
      Set.of("live", "versioning", "versions");

  /** Whether a request to {@code host} is path style, to the service host itself. */
  public boolean isPathStyle(String host) {
    return addressing.isPathStyle(host);
  }

  /** The route for a request, or the OSS error that answers it. */
  public Route route(String method, QueryParameters query, Target target) {
    Shape shape = shapeOf(target);
    String subResource = subResourceOf(query);
    StringJoiner allowed = new StringJoiner(", ");
    for (Route route : routes) {
      if (route.shape() == shape && Objects.equals(route.subResource(), subResource)) {
        if (route.method().equals(method)) {
          return route;
        }
        allowed.add(route.method());
      }
    }
    // A sub-resource we serve, and the service root, have their complete method set in the
    // table; elsewhere another OSS method is an action the emulator does not implement. Live
    // channels and versioning are only read (PutLiveChannel, PutBucketVersioning are 501).
    boolean complete =
        allowed.length() > 0
            && (subResource != null || shape == Shape.SERVICE)
            && (subResource == null || !READ_ONLY_SUB_RESOURCES.contains(subResource));
    if (complete || !isOssMethod(method)) {
      throw methodNotAllowed(method, shape, allowed.toString());
    }
    throw OssException.of(OssErrorCode.NOT_IMPLEMENTED)
        .extra("Method", method)
        .extra("ResourceType", shape.name())
        .build();
  }

  private String subResourceOf(QueryParameters query) {
    for (QueryParameters.Parameter parameter : query.all()) {
      if (routedSubResources.contains(parameter.name())) {
        return parameter.name();
      }
    }
    for (QueryParameters.Parameter parameter : query.all()) {
      // An OSS sub-resource we do not serve must not fall through to the plain action:
      // GET /?regions is not ListBuckets, GET /b/?lifecycle is not ListObjects.
      if (SubResources.isAction(parameter.name())) {
        return parameter.name();
      }
    }
    return null;
  }

  private static Shape shapeOf(Target target) {
    if (target.isService()) {
      return Shape.SERVICE;
    }
    return target.isBucket() ? Shape.BUCKET : Shape.OBJECT;
  }

  private static boolean isOssMethod(String method) {
    return switch (method) {
      case "GET", "PUT", "POST", "DELETE", "HEAD" -> true;
      default -> false;
    };
  }

  /** spec §9.3: ResourceType and Method extras and an Allow header. */
  private static OssException methodNotAllowed(String method, Shape shape, String allowed) {
    return OssException.of(OssErrorCode.METHOD_NOT_ALLOWED)
        .extra("Method", method)
        .extra("ResourceType", shape.name())
        .header("Allow", allowed.isEmpty() ? "GET, DELETE, HEAD, PUT, POST" : allowed)
        .build();
  }
}
