package dev.ossemu.auth;

import dev.ossemu.request.Headers;
import dev.ossemu.request.PercentCodec;
import dev.ossemu.request.QueryParameters;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** OSS signature V4, algorithm {@code OSS4-HMAC-SHA256} (spec §10.3). */
public final class SignatureV4 {
  public static final String ALGORITHM = "OSS4-HMAC-SHA256";
  public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
  static final String TERMINATOR = "aliyun_v4_request";

  private SignatureV4() {}

  /**
   * The canonical request: method, canonical URI, canonical query, canonical headers, the
   * additional-headers line and the hashed payload, joined by newlines.
   *
   * @param bucket the bucket, or null for a service request
   * @param key the decoded object key, empty for bucket-level requests
   * @param query the parameters to sign (a presigned URL leaves out {@code x-oss-signature})
   * @param additionalHeaders lower-case names the client listed in AdditionalHeaders
   */
  public static String canonicalRequest(
      String method,
      String bucket,
      String key,
      List<QueryParameters.Parameter> query,
      Headers headers,
      Collection<String> additionalHeaders,
      String hashedPayload) {
    TreeSet<String> additional = new TreeSet<>(additionalHeaders);
    StringBuilder out = new StringBuilder(256);
    out.append(method).append('\n');
    out.append(canonicalUri(bucket, key)).append('\n');
    out.append(canonicalQuery(query)).append('\n');
    for (String name : headers.sortedNames("x-oss-", signedWith(additional))) {
      // Header values as the bytes sent (issue 14 item 9), see HeaderBytes.
      out.append(name).append(':').append(HeaderBytes.decode(headers.joined(name))).append('\n');
    }
    out.append('\n');
    out.append(String.join(";", additional)).append('\n');
    return out.append(hashedPayload).toString();
  }

  /** The exact names signed besides the x-oss-* ones: spec §10.3 step 4's two and the listed. */
  private static Collection<String> signedWith(Collection<String> additional) {
    List<String> names = new java.util.ArrayList<>(additional.size() + 2);
    names.add("content-type");
    names.add("content-md5");
    names.addAll(additional);
    return names;
  }

  /** spec §10.3 step 4: these headers are signed whether or not the client lists them. */
  static boolean isSignedByDefault(String lowerCaseName) {
    return lowerCaseName.equals("content-type")
        || lowerCaseName.equals("content-md5")
        || lowerCaseName.startsWith("x-oss-");
  }

  /** {@code /bucket/key} percent-encoded, keeping slashes; the bucket even for virtual hosts. */
  static String canonicalUri(String bucket, String key) {
    if (bucket == null) {
      return "/";
    }
    return PercentCodec.encode("/" + bucket + "/" + key, true);
  }

  /** Every parameter re-encoded, sorted by encoded name, bare name when the value is empty. */
  static String canonicalQuery(List<QueryParameters.Parameter> query) {
    List<String[]> encoded = new ArrayList<>(query.size());
    for (QueryParameters.Parameter parameter : query) {
      encoded.add(
          new String[] {
            PercentCodec.encode(parameter.name(), false),
            PercentCodec.encode(parameter.value(), false)
          });
    }
    encoded.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    StringBuilder out = new StringBuilder();
    for (String[] pair : encoded) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(pair[0]);
      if (!pair[1].isEmpty()) {
        out.append('=').append(pair[1]);
      }
    }
    return out.toString();
  }

  /** The scope {@code <yyyymmdd>/<region>/<product>/aliyun_v4_request}. */
  public static String scope(String date, String region, String product) {
    return date + "/" + region + "/" + product + "/" + TERMINATOR;
  }

  /** The StringToSign over a canonical request. */
  public static String stringToSign(String timestamp, String scope, String canonicalRequest) {
    return ALGORITHM
        + '\n'
        + timestamp
        + '\n'
        + scope
        + '\n'
        + Hmac.lowerHex(Hmac.sha256Digest(HeaderBytes.encode(canonicalRequest)));
  }

  /** The HMAC-SHA256 key chain from {@code "aliyun_v4" + secret}. */
  public static byte[] signingKey(String secret, String date, String region, String product) {
    byte[] key = utf8("aliyun_v4" + secret);
    key = Hmac.sha256(key, utf8(date));
    key = Hmac.sha256(key, utf8(region));
    key = Hmac.sha256(key, utf8(product));
    return Hmac.sha256(key, utf8(TERMINATOR));
  }

  /** The lower-hex signature of a StringToSign. */
  public static String sign(byte[] signingKey, String stringToSign) {
    return Hmac.lowerHex(Hmac.sha256(signingKey, utf8(stringToSign)));
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
