package dev.ossemu.operation;

import dev.ossemu.object.OssObject;
import dev.ossemu.request.Headers;
import dev.ossemu.request.OssResponse;
import java.util.Locale;
import java.util.Set;

/**
 * OSS's HTTP compression of GetObject ("How do I compress objects that I download from OSS in the
 * GZIP format?"): on {@code Accept-Encoding: gzip}, an object of at least 1 KB whose Content-Type
 * is one of a few text types is sent gzip-compressed and chunked, with {@code Content-Encoding:
 * gzip} and without ETag, Content-Length and Accept-Ranges. A range request, and an object already
 * stored with a Content-Encoding, are sent as stored.
 */
final class GzipEncoding {
  static final long MIN_SIZE = 1024;

  static final Set<String> TYPES =
      Set.of(
          "text/cache-manifest",
          "text/xml",
          "text/css",
          "text/html",
          "text/plain",
          "application/javascript",
          "application/x-javascript",
          "application/rss+xml",
          "application/json",
          "text/json");

  private GzipEncoding() {}

  /** Whether a whole-object GetObject answer is to be compressed. */
  static boolean applies(Headers request, OssObject object) {
    if (request.get("Range") != null || object.size() < MIN_SIZE) {
      return false;
    }
    if (object.headers().containsKey("Content-Encoding") || !acceptsGzip(request)) {
      return false;
    }
    String type = object.headers().getOrDefault("Content-Type", "");
    int parameters = type.indexOf(';');
    String base = (parameters < 0 ? type : type.substring(0, parameters)).trim();
    return TYPES.contains(base.toLowerCase(Locale.ROOT));
  }

  /** The answer turned into its compressed form. */
  static OssResponse compress(OssResponse response) {
    return response
        .gzipped()
        .withoutHeader("ETag")
        .withoutHeader("Accept-Ranges")
        .header("Content-Encoding", "gzip")
        .header("Vary", "Accept-Encoding");
  }

  private static boolean acceptsGzip(Headers request) {
    String accepted = request.get("Accept-Encoding");
    if (accepted == null) {
      return false;
    }
    for (String coding : accepted.split(",")) {
      String[] parts = coding.split(";");
      if (parts[0].trim().equalsIgnoreCase("gzip") && !refused(parts)) {
        return true;
      }
    }
    return false;
  }

  /** {@code gzip;q=0} says the client does not want it. */
  private static boolean refused(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].trim().replace(" ", "");
      if (parameter.matches("q=0(\\.0*)?")) {
        return true;
      }
    }
    return false;
  }
}
