package dev.ossemu.auth;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ossemu.error.OssException;
import dev.ossemu.request.Headers;
import dev.ossemu.request.OssRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Requests, clocks and authenticators for the signature tests (AK {@code ak}, SK {@code sk}). */
final class AuthFixtures {
  /** The date of the V1 vectors (spec §10.5 V1-1..V1-4, D1, D2). */
  static final String V1_DATE = "Wed, 28 Dec 2022 10:27:41 GMT";

  static final Instant V1_TIME = Instant.parse("2022-12-28T10:27:41Z");

  /** The time of V4-1 and D3–D6: 1702743657. */
  static final String V4_DATE = "20231216T162057Z";

  static final Instant V4_TIME = Instant.parse("2023-12-16T16:20:57Z");
  static final String V4_CREDENTIAL = "ak/20231216/cn-hangzhou/oss/aliyun_v4_request";

  /** The query of the V4-1..V4-3 vectors, as sent. */
  static final String V4_QUERY =
      "%2Bparam1=value3&%2Bparam2=&param1=value1&param2=&%7Cparam1=value4&%7Cparam2=";

  static final String V4_URI = "/bucket/1234%2B-/123/1.txt?" + V4_QUERY;
  static final String V4_KEY = "1234+-/123/1.txt";

  static final RamUser READER =
      new RamUser("reader", List.of(new Account.AccessKey("r", "rs")), List.of("oss:*"), null);
  static final Account OWNER =
      new Account("owner", Account.ownerIdFor("owner"), List.of(), List.of(READER));

  private AuthFixtures() {}

  /** Headers from lines {@code "Name: value"}. */
  static Headers headers(String... lines) {
    Headers headers = new Headers();
    addLines(headers, lines);
    return headers;
  }

  /** A request with headers given as {@code "Name: value"} lines. */
  static OssRequest request(String method, String uri, String... headerLines) {
    return OssRequest.of("5C1B138A109F4E405B2D8AEF", method, uri, headers(headerLines), body());
  }

  /** A PUT with the V4-1..V4-3 headers and query (spec §10.5) plus the given header lines. */
  static OssRequest v4VectorRequest(String... more) {
    OssRequest request =
        request(
            "PUT",
            V4_URI,
            "x-oss-head1: value",
            "abc: value",
            "ZAbc: value",
            "XYZ: value",
            "content-type: text/plain",
            "x-oss-content-sha256: UNSIGNED-PAYLOAD");
    return withHeaders(request, more);
  }

  /** Adds header lines {@code "Name: value"} to a request. */
  static OssRequest withHeaders(OssRequest request, String... lines) {
    addLines(request.headers(), lines);
    return request;
  }

  private static void addLines(Headers headers, String... lines) {
    for (String line : lines) {
      int colon = line.indexOf(": ");
      headers.add(line.substring(0, colon), line.substring(colon + 2));
    }
  }

  /**
   * A V4-P1..V4-P3 request (spec §10.5): the V4 query plus {@code extra} and the presign parameters
   * for {@code time}, then {@code &x-oss-signature=} unless the signature is null.
   */
  static OssRequest v4PresignedRequest(String time, String extra, String signature) {
    String uri =
        V4_URI
            + extra
            + "&x-oss-credential=ak%2F"
            + time.substring(0, 8)
            + "%2Fcn-hangzhou%2Foss%2Faliyun_v4_request&x-oss-date="
            + time
            + "&x-oss-expires=599&x-oss-signature-version=OSS4-HMAC-SHA256"
            + (signature == null ? "" : "&x-oss-signature=" + signature);
    return request(
        "PUT",
        uri,
        "x-oss-head1: value",
        "abc: value",
        "ZAbc: value",
        "XYZ: value",
        "content-type: application/octet-stream");
  }

  static Clock clockAt(Instant now) {
    return Clock.fixed(now, ZoneOffset.UTC);
  }

  /** Account {@code ak}/{@code sk}, region cn-hangzhou. */
  static Authenticator authenticator(Instant now) {
    return authenticator(now, "ak", "sk");
  }

  static Authenticator authenticator(Instant now, String accessKeyId, String secret) {
    return new Authenticator(
        new Accounts(List.of(Account.of(accessKeyId, secret))), "cn-hangzhou", clockAt(now));
  }

  /** STS credentials {@code ak}/{@code sk} with token {@code token} of RAM user {@link #READER}. */
  static Authenticator stsAuthenticator(Instant now) {
    StsCredentials sts = new StsCredentials();
    sts.add(new StsCredentials.Temporary("ak", "sk", "token", now.plusSeconds(900), OWNER, READER));
    return new Authenticator(new Accounts(List.of(OWNER)), sts, "cn-hangzhou", clockAt(now));
  }

  /** The exception a call throws, failing when it throws none or another type. */
  static OssException rejection(ThrowingCallable call) {
    OssException error = catchThrowableOfType(OssException.class, call);
    if (error == null) {
      throw new AssertionError("expected an OssException");
    }
    return error;
  }

  /** Upper-case hex bytes each followed by a space, written independently of the main code. */
  static String hexBytes(String value) {
    return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(utf8(value)) + " ";
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] body() {
    return new byte[0];
  }
}
