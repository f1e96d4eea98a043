package dev.ossemu.auth;

import dev.ossemu.request.Headers;
import dev.ossemu.request.QueryParameters;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** OSS signature V1: {@code Authorization: OSS <AccessKeyId>:<Signature>} (spec §10.1). */
public final class SignatureV1 {
  private SignatureV1() {}

  /**
   * The StringToSign: verb, Content-MD5, Content-Type, the date slot, CanonicalizedOSSHeaders and
   * CanonicalizedResource. Header values are read as the bytes sent (see {@link HeaderBytes}).
   *
   * @param date the date slot: {@code x-oss-date} or {@code Date} (or {@code Expires} for a
   *     presigned URL)
   */
  public static String stringToSign(String method, Headers headers, String date, String resource) {
    StringBuilder out = new StringBuilder(128);
    out.append(method).append('\n');
    out.append(nullToEmpty(headers.joined("content-md5"))).append('\n');
    out.append(HeaderBytes.decode(nullToEmpty(headers.joined("content-type")))).append('\n');
    out.append(date).append('\n');
    for (String name : headers.sortedNames("x-oss-", List.of())) {
      out.append(name).append(':').append(HeaderBytes.decode(headers.joined(name))).append('\n');
    }
    return out.append(resource).toString();
  }

  /**
   * The CanonicalizedResource: {@code /}, {@code /bucket/} or {@code /bucket/key} with the decoded
   * key, then the sub-resources in name order, {@code name=value} or bare {@code name} when the
   * value is empty.
   *
   * @param bucket the bucket, or null for a service request
   * @param key the decoded object key, empty for bucket-level requests
   * @param isSubResource which query names take part
   */
  public static String canonicalizedResource(
      String bucket, String key, QueryParameters query, Predicate<String> isSubResource) {
    StringBuilder out = new StringBuilder(64).append('/');
    if (bucket != null) {
      out.append(bucket).append('/').append(key);
    }
    List<QueryParameters.Parameter> signed = new ArrayList<>();
    for (QueryParameters.Parameter parameter : query.all()) {
      if (isSubResource.test(parameter.name())) {
        signed.add(parameter);
      }
    }
    signed.sort(Comparator.comparing(QueryParameters.Parameter::name));
    char separator = '?';
    for (QueryParameters.Parameter parameter : signed) {
      out.append(separator).append(parameter.name());
      if (!parameter.value().isEmpty()) {
        out.append('=').append(parameter.value());
      }
      separator = '&';
    }
    return out.toString();
  }

  /**
   * Base64(HMAC-SHA1(secret, UTF-8(stringToSign))), header values as the bytes sent ({@link
   * HeaderBytes}).
   */
  public static String sign(String secret, String stringToSign) {
    byte[] mac =
        Hmac.sha1(secret.getBytes(StandardCharsets.UTF_8), HeaderBytes.encode(stringToSign));
    return Base64.getEncoder().encodeToString(mac);
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
