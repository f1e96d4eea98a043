package dev.ossemu.auth;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.request.Headers;
import dev.ossemu.request.OssRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a request's header signature, V1 or V4, and says who sent it. Signatures never depend on
 * the addressing style, so the caller resolves bucket and key first (spec §11). Comparisons are
 * constant-time; secrets appear in no message and no log line.
 */
public final class Authenticator {
  private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);
  private static final String V1_PREFIX = "OSS ";

  private final Accounts accounts;
  private final String region;
  private final Clock clock;

  public Authenticator(Accounts accounts, String region, Clock clock) {
    this.accounts = accounts;
    this.region = region;
    this.clock = clock;
  }

  /**
   * Authenticates a request to {@code bucket}/{@code key}.
   *
   * @param bucket the resolved bucket, or null for a service request
   * @param key the decoded object key, empty at bucket level
   * @return the principal; anonymous when the request carries no Authorization header
   * @throws OssException the OSS error for a malformed, unknown, stale or wrong signature
   */
  public Principal authenticate(OssRequest request, String bucket, String key) {
    String authorization = request.headers().get("authorization");
    if (authorization == null) {
      return Principal.anonymous();
    }
    if (authorization.startsWith(AuthorizationV4.PREFIX)) {
      return verifyV4(request, AuthorizationV4.parse(authorization), bucket, key);
    }
    if (authorization.startsWith(V1_PREFIX)) {
      return verifyV1(request, authorization.substring(V1_PREFIX.length()), bucket, key);
    }
    throw OssException.of(OssErrorCode.INVALID_ARGUMENT)
        .message("Authorization header is invalid.")
        .build();
  }

  private Principal verifyV1(OssRequest request, String credentials, String bucket, String key) {
    int colon = credentials.indexOf(':');
    if (colon <= 0 || colon == credentials.length() - 1) {
      throw OssException.of(OssErrorCode.INVALID_ARGUMENT)
          .message("AccessKeyId or Signature is missing in Authorization header value.")
          .build();
    }
    String accessKeyId = credentials.substring(0, colon).trim();
    String provided = credentials.substring(colon + 1).trim();
    Headers headers = request.headers();
    // spec §10.1: the date slot is x-oss-date when present (NODE sends only that), else Date.
    String date = headers.contains("x-oss-date") ? headers.get("x-oss-date") : headers.get("date");
    checkTime(date);
    Accounts.Credential credential = credential(accessKeyId);
    String stringToSign =
        SignatureV1.stringToSign(
            request.method(),
            headers,
            date,
            SignatureV1.canonicalizedResource(
                bucket, key, request.query(), SubResources::isListed));
    if (matches(SignatureV1.sign(credential.secret(), stringToSign), provided)) {
      return new Principal(credential.account(), accessKeyId, Principal.SignatureVersion.V1);
    }
    // spec §10.1: GO2 also signs every x-oss-* query key; accept either form.
    String wider =
        SignatureV1.stringToSign(
            request.method(),
            headers,
            date,
            SignatureV1.canonicalizedResource(
                bucket, key, request.query(), SubResources::isListedOrOssPrefixed));
    if (matches(SignatureV1.sign(credential.secret(), wider), provided)) {
      return new Principal(credential.account(), accessKeyId, Principal.SignatureVersion.V1);
    }
    throw mismatch(accessKeyId, provided, stringToSign, null);
  }

  private Principal verifyV4(
      OssRequest request, AuthorizationV4 authorization, String bucket, String key) {
    if (!"oss".equals(authorization.product())) {
      throw OssException.of(OssErrorCode.INVALID_ARGUMENT)
          .message("Invalid signing product in Authorization header.")
          .ec("0002-00000227")
          .build();
    }
    if (!region.equals(authorization.region())) {
      throw OssException.of(OssErrorCode.INVALID_ARGUMENT)
          .message(
              "Invalid signing region in Authorization header. The expected region is "
                  + region
                  + ".")
          .ec("0002-00000226")
          .build();
    }
    Headers headers = request.headers();
    // spec §10.3: x-oss-date when present; the Go SDK v1 line sends only Date and signs it as is.
    String timestamp =
        headers.contains("x-oss-date") ? headers.get("x-oss-date") : headers.get("date");
    checkTime(timestamp);
    String payload = headers.get("x-oss-content-sha256");
    if (payload != null && !SignatureV4.UNSIGNED_PAYLOAD.equals(payload)) {
      throw OssException.of(OssErrorCode.INVALID_ARGUMENT)
          .message("x-oss-content-sha256 must be UNSIGNED-PAYLOAD.")
          .ec("0002-00000214")
          .build();
    }
    Accounts.Credential credential = credential(authorization.accessKeyId());
    String canonicalRequest =
        SignatureV4.canonicalRequest(
            request.method(),
            bucket,
            key,
            request.query().all(),
            headers,
            authorization.additionalHeaders(),
            payload == null ? SignatureV4.UNSIGNED_PAYLOAD : payload);
    String stringToSign =
        SignatureV4.stringToSign(
            timestamp,
            SignatureV4.scope(authorization.date(), authorization.region(), "oss"),
            canonicalRequest);
    byte[] signingKey =
        SignatureV4.signingKey(
            credential.secret(), authorization.date(), authorization.region(), "oss");
    String expected = SignatureV4.sign(signingKey, stringToSign);
    if (!matches(expected, authorization.signature())) {
      throw mismatch(
          authorization.accessKeyId(), authorization.signature(), stringToSign, canonicalRequest);
    }
    return new Principal(
        credential.account(), authorization.accessKeyId(), Principal.SignatureVersion.V4);
  }

  private void checkTime(String value) {
    if (value == null) {
      throw RequestTime.missing();
    }
    RequestTime.checkSkew(RequestTime.parse(value), value, clock);
  }

  private Accounts.Credential credential(String accessKeyId) {
    return accounts
        .byAccessKeyId(accessKeyId)
        .orElseThrow(
            () ->
                OssException.of(OssErrorCode.INVALID_ACCESS_KEY_ID)
                    .extra("OSSAccessKeyId", accessKeyId)
                    .build());
  }

  private static boolean matches(String expected, String provided) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), provided.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * SignatureDoesNotMatch with what the server computed, so users can debug their client (spec
   * §9.4). For V4 the canonical request is added as an emulator choice.
   */
  private static OssException mismatch(
      String accessKeyId, String provided, String stringToSign, String canonicalRequest) {
    LOG.debug(
        "signature mismatch for access key {}: stringToSign={} canonicalRequest={}",
        accessKeyId,
        stringToSign,
        canonicalRequest);
    OssException.Builder error =
        OssException.of(OssErrorCode.SIGNATURE_DOES_NOT_MATCH)
            .extra("OSSAccessKeyId", accessKeyId)
            .extra("SignatureProvided", provided)
            .extra("StringToSign", stringToSign)
            .extra("StringToSignBytes", hexBytes(stringToSign));
    if (canonicalRequest != null) {
      error.extra("CanonicalRequest", canonicalRequest);
    }
    return error.build();
  }

  /** spec §9.4: upper-case hex bytes, each followed by a space. */
  static String hexBytes(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      out.append(String.format(Locale.ROOT, "%02X ", b & 0xff));
    }
    return out.toString();
  }
}
