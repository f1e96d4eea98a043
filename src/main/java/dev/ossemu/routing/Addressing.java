package dev.ossemu.routing;

import dev.ossemu.request.PercentCodec;
import dev.ossemu.request.Target;
import java.util.Locale;
import java.util.Set;

/**
 * Resolves bucket and key from Host and path, for path style and virtual-host style alike (spec
 * §11). SDKs use path style against an IP or {@code localhost} endpoint and virtual hosts
 * elsewhere; NODE against an IP endpoint rewrites Host to {@code
 * <bucket>.oss-<region>.aliyuncs.com}.
 */
public final class Addressing {
  private static final String ENDPOINT_PREFIX = "oss-";
  private static final String ENDPOINT_SUFFIX = ".aliyuncs.com";

  /** spec §11: NODE's service calls go to {@code undefined.<endpoint>}. */
  private static final String NODE_UNDEFINED_BUCKET = "undefined";

  private final Set<String> serviceHosts;

  /**
   * @param serviceHosts lower-case host names (no port) that mean "the emulator itself", besides IP
   *     literals, {@code localhost} and OSS endpoint names
   */
  public Addressing(Set<String> serviceHosts) {
    this.serviceHosts = Set.copyOf(serviceHosts);
  }

  /** Resolves a request; {@code host} may carry a port, {@code rawPath} is still encoded. */
  public Target resolve(String host, String rawPath) {
    if (!isPathStyle(host)) {
      String name = stripPort(host).toLowerCase(Locale.ROOT);
      return virtualHost(name.substring(0, name.indexOf('.')), rawPath);
    }
    // Anything else (an IP, localhost, a compose service name, host.docker.internal) is the
    // emulator itself, addressed in path style: the only reading that can work for such names.
    return pathStyle(rawPath);
  }

  /**
   * Whether a request to {@code host} is path style, addressed to the service host itself rather
   * than to a bucket's virtual host: only then can {@code /_emulator/} be the admin API.
   */
  public boolean isPathStyle(String host) {
    String name = stripPort(host).toLowerCase(Locale.ROOT);
    int dot = name.indexOf('.');
    return !(dot > 0 && !isKnownHost(name) && isKnownHost(name.substring(dot + 1)));
  }

  /** A name that means the emulator, so that {@code <label>.<name>} is a virtual host. */
  private boolean isKnownHost(String name) {
    return name.equals("localhost") || serviceHosts.contains(name) || isOssEndpoint(name);
  }

  /**
   * An OSS public or internal endpoint, e.g. {@code oss-cn-hangzhou-internal.aliyuncs.com}: {@code
   * oss-[a-z0-9-]+\.aliyuncs\.com} of a lower-cased name, checked by hand since every request with
   * a dotted Host (an IP included) asks twice.
   */
  static boolean isOssEndpoint(String name) {
    int end = name.length() - ENDPOINT_SUFFIX.length();
    if (end <= ENDPOINT_PREFIX.length()
        || !name.startsWith(ENDPOINT_PREFIX)
        || !name.endsWith(ENDPOINT_SUFFIX)) {
      return false;
    }
    for (int i = ENDPOINT_PREFIX.length(); i < end; i++) {
      char c = name.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  private static Target virtualHost(String bucket, String rawPath) {
    String key =
        PercentCodec.decode(rawPath.startsWith("/") ? rawPath.substring(1) : rawPath, false);
    if (NODE_UNDEFINED_BUCKET.equals(bucket) && key.isEmpty()) {
      return Target.service();
    }
    return new Target(bucket, key);
  }

  private static Target pathStyle(String rawPath) {
    String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
    if (path.isEmpty()) {
      return Target.service();
    }
    int slash = path.indexOf('/');
    if (slash < 0) {
      return new Target(PercentCodec.decode(path, false), "");
    }
    return new Target(
        PercentCodec.decode(path.substring(0, slash), false),
        PercentCodec.decode(path.substring(slash + 1), false));
  }

  static String stripPort(String host) {
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      return close < 0 ? host : host.substring(1, close);
    }
    int colon = host.indexOf(':');
    // More than one colon is a bare IPv6 literal, which has no port.
    return colon >= 0 && colon == host.lastIndexOf(':') ? host.substring(0, colon) : host;
  }
}
