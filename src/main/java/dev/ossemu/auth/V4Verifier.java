package dev.ossemu.auth;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.request.Headers;
import dev.ossemu.request.OssRequest;
import dev.ossemu.request.QueryParameters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Signature V4 in the Authorization header (spec §10.3) and in a presigned URL (§10.4). */
final class V4Verifier {
  /** spec §10.4: x-oss-expires must be between 1 second and 7 days. */
  static final long MAX_EXPIRES_SECONDS = 604_800;

  private final CredentialResolver credentials;
  private final V4Scope scope;
  private final Clock clock;

  V4Verifier(CredentialResolver credentials, String region, Clock clock) {
    this.credentials = credentials;
    this.scope = new V4Scope(region);
    this.clock = clock;
  }

  /** {@code Authorization: OSS4-HMAC-SHA256 Credential=...,Signature=...}. */
  Principal verifyHeader(OssRequest request, String authorization, String bucket, String key) {
    AuthorizationV4 parsed = AuthorizationV4.parse(authorization);
    scope.check(parsed);
    Headers headers = request.headers();
    RequestTime.SignedDate signed = RequestTime.signedDate(headers, clock);
    String timestamp = signed.raw();
    Instant signedAt = signed.at();
    V4Scope.checkDay(parsed, signedAt, "Authorization header", "0002-00000212");
    String payload = headers.get("x-oss-content-sha256");
    if (payload != null && !SignatureV4.UNSIGNED_PAYLOAD.equals(payload)) {
      throw OssException.of(OssErrorCode.INVALID_ARGUMENT)
          .message("x-oss-content-sha256 must be UNSIGNED-PAYLOAD.")
          .ec("0002-00000214")
          .build();
    }
    Accounts.Credential credential =
        credentials.resolve(parsed.accessKeyId(), headers.get("x-oss-security-token"));
    return verify(
        request,
        parsed,
        request.query().all(),
        timestamp,
        payload == null ? SignatureV4.UNSIGNED_PAYLOAD : payload,
        credential,
        bucket,
        key,
        "0002-00000040");
  }

  /** {@code ?x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-credential=...&x-oss-signature=}. */
  Principal verifyQuery(OssRequest request, String bucket, String key) {
    QueryParameters query = request.query();
    String version = query.get("x-oss-signature-version");
    if (!SignatureV4.ALGORITHM.equals(version)) {
      throw SignatureErrors.denied("x-oss-signature-version must be OSS4-HMAC-SHA256.", null);
    }
    String credential = required(query, "x-oss-credential", null);
    String date = required(query, "x-oss-date", null);
    String expires = required(query, "x-oss-expires", "0002-00000215");
    String signature = required(query, "x-oss-signature", "0002-00000219");
    String additional = query.get("x-oss-additional-headers");
    AuthorizationV4 parsed =
        AuthorizationV4.parse(
            AuthorizationV4.PREFIX
                + "Credential="
                + credential
                + (additional == null ? "" : ",AdditionalHeaders=" + additional)
                + ",Signature="
                + signature);
    scope.check(parsed);
    Instant signedAt = checkValidity(date, expires);
    V4Scope.checkDay(parsed, signedAt, "x-oss-credential", "0002-00000223");
    Accounts.Credential resolved =
        credentials.resolve(parsed.accessKeyId(), query.get("x-oss-security-token"));
    List<QueryParameters.Parameter> signed = new ArrayList<>();
    for (QueryParameters.Parameter parameter : query.all()) {
      if (!parameter.name().equals("x-oss-signature")) {
        signed.add(parameter);
      }
    }
    return verify(
        request,
        parsed,
        signed,
        date,
        SignatureV4.UNSIGNED_PAYLOAD,
        resolved,
        bucket,
        key,
        "0002-00000201");
  }

  private static String required(QueryParameters query, String name, String ec) {
    String value = query.get(name);
    if (value == null || value.isEmpty()) {
      throw SignatureErrors.denied(
          "Query-string authentication with V4 requires the " + name + " parameter.", ec);
    }
    return value;
  }

  /**
   * spec §10.4: valid while {@code x-oss-date − 15 min ≤ now ≤ x-oss-date + x-oss-expires}.
   *
   * @return the signing time
   */
  private Instant checkValidity(String date, String expires) {
    long seconds;
    try {
      seconds = Long.parseLong(expires);
    } catch (NumberFormatException e) {
      seconds = -1;
    }
    if (seconds < 1 || seconds > MAX_EXPIRES_SECONDS) {
      // DOC EC 0002-00000232; the error code is UNCONFIRMED, AccessDenied as for other URL faults.
      throw SignatureErrors.denied(
          "x-oss-expires must be between 1 and 604800 seconds: " + expires, "0002-00000232");
    }
    Instant signedAt;
    try {
      signedAt = RequestTime.ISO_BASIC.parse(date, Instant::from);
    } catch (DateTimeParseException e) {
      throw SignatureErrors.denied("x-oss-date is not a valid time: " + date, "0002-00000502");
    }
    Instant now = clock.instant();
    if (now.isBefore(signedAt.minus(RequestTime.MAX_SKEW))) {
      throw SignatureErrors.denied("Request is not valid yet.", "0002-00000235");
    }
    if (now.isAfter(signedAt.plus(Duration.ofSeconds(seconds)))) {
      throw OssException.of(OssErrorCode.ACCESS_DENIED)
          .message("Request has expired.")
          .ec("0002-00000236")
          .extra("Expires", signedAt.plus(Duration.ofSeconds(seconds)).toString())
          .extra("ServerTime", now.toString())
          .build();
    }
    return signedAt;
  }

  private static Principal verify(
      OssRequest request,
      AuthorizationV4 parsed,
      List<QueryParameters.Parameter> query,
      String timestamp,
      String payload,
      Accounts.Credential credential,
      String bucket,
      String key,
      String ec) {
    String canonicalRequest =
        SignatureV4.canonicalRequest(
            request.method(),
            bucket,
            key,
            query,
            request.headers(),
            parsed.additionalHeaders(),
            payload);
    String stringToSign =
        SignatureV4.stringToSign(
            timestamp, SignatureV4.scope(parsed.date(), parsed.region(), "oss"), canonicalRequest);
    byte[] signingKey =
        SignatureV4.signingKey(credential.secret(), parsed.date(), parsed.region(), "oss");
    String provided = parsed.signature().toLowerCase(Locale.ROOT);
    if (!SignatureErrors.matches(SignatureV4.sign(signingKey, stringToSign), provided)) {
      throw SignatureErrors.mismatch(
          parsed.accessKeyId(), parsed.signature(), stringToSign, canonicalRequest, ec);
    }
    return new Principal(
        credential.account(),
        credential.ramUser(),
        parsed.accessKeyId(),
        Principal.SignatureVersion.V4);
  }
}
