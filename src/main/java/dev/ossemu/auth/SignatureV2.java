package dev.ossemu.auth;

import dev.ossemu.request.Headers;
import dev.ossemu.request.PercentCodec;
import dev.ossemu.request.QueryParameters;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * OSS signature V2 ({@code OSS2}), as the OSS "signature version 2" page describes it and the Java
 * 3.x ({@code OSSV2Signer}), Go v1 ({@code auth.go}, {@code AuthV2}) and Python ({@code
 * ProviderAuthV2}) signers compute it:
 *
 * <pre>
 * StringToSign = VERB + "\n" + Content-MD5 + "\n" + Content-Type + "\n" + Date (or Expires) + "\n"
 *              + CanonicalizedOSSHeaders + AdditionalHeaders + "\n" + CanonicalizedResource
 * Signature    = Base64(HMAC-SHA256(AccessKeySecret, UTF-8(StringToSign)))
 * </pre>
 *
 * <ul>
 *   <li>CanonicalizedOSSHeaders: every {@code x-oss-} header and every header named in
 *       AdditionalHeaders, lower-cased, sorted, each {@code name:value\n};
 *   <li>AdditionalHeaders: those extra names, lower-cased, sorted, joined with {@code ;};
 *   <li>CanonicalizedResource: UriEncode({@code /bucket/key}), slashes included ({@code
 *       %2Fbucket%2Fkey}; {@code %2F} for the service), then {@code ?} and <em>every</em> query
 *       parameter (not only sub-resources, unlike V1) with name and value UriEncoded, sorted by
 *       encoded name, {@code name=value} or bare {@code name} when the value is empty, joined with
 *       {@code &}. A presigned URL signs all its parameters but {@code x-oss-signature}.
 * </ul>
 */
public final class SignatureV2 {
  public static final String HEADER_PREFIX = "OSS2 ";
  public static final String VERSION = "OSS2";

  private SignatureV2() {}

  /**
   * @param date the date slot: {@code x-oss-date} or {@code Date}, or {@code x-oss-expires} for a
   *     presigned URL
   * @param additionalHeaders lower-case names the client listed
   * @param query the parameters to sign
   */
  public static String stringToSign(
      String method,
      Headers headers,
      String date,
      Collection<String> additionalHeaders,
      String bucket,
      String key,
      List<QueryParameters.Parameter> query) {
    TreeSet<String> additional = new TreeSet<>(additionalHeaders);
    StringBuilder out = new StringBuilder(160);
    out.append(method).append('\n');
    out.append(valueOf(headers, "content-md5")).append('\n');
    out.append(valueOf(headers, "content-type")).append('\n');
    out.append(date).append('\n');
    for (String name : headers.sortedNames("x-oss-", additional)) {
      out.append(name).append(':').append(valueOf(headers, name)).append('\n');
    }
    out.append(String.join(";", additional)).append('\n');
    return out.append(canonicalizedResource(bucket, key, query)).toString();
  }

  /** {@code %2Fbucket%2Fkey?a=1&b}: every slash encoded, every parameter signed. */
  static String canonicalizedResource(
      String bucket, String key, List<QueryParameters.Parameter> query) {
    String path = bucket == null ? "/" : "/" + bucket + "/" + key;
    StringBuilder out = new StringBuilder(PercentCodec.encode(path, false));
    List<String[]> encoded = new ArrayList<>(query.size());
    for (QueryParameters.Parameter parameter : query) {
      encoded.add(
          new String[] {
            PercentCodec.encode(parameter.name(), false),
            PercentCodec.encode(parameter.value(), false)
          });
    }
    encoded.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    char separator = '?';
    for (String[] pair : encoded) {
      out.append(separator).append(pair[0]);
      if (!pair[1].isEmpty()) {
        out.append('=').append(pair[1]);
      }
      separator = '&';
    }
    return out.toString();
  }

  /** Base64(HMAC-SHA256(secret, stringToSign)), header values as the bytes sent. */
  public static String sign(String secret, String stringToSign) {
    return Base64.getEncoder()
        .encodeToString(
            Hmac.sha256(secret.getBytes(StandardCharsets.UTF_8), HeaderBytes.encode(stringToSign)));
  }

  private static String valueOf(Headers headers, String name) {
    String value = headers.joined(name);
    return value == null ? "" : HeaderBytes.decode(value);
  }
}
