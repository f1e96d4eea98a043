package dev.ossemu.auth;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.request.Headers;
import dev.ossemu.request.OssRequest;
import dev.ossemu.request.QueryParameters;
import dev.ossemu.request.SubResources;
import java.time.Clock;
import java.util.function.Predicate;

/** Signature V1 in the Authorization header (spec §10.1) and in a presigned URL (§10.2). */
final class V1Verifier {
  static final String HEADER_PREFIX = "OSS ";

  private final CredentialResolver credentials;
  private final Clock clock;

  V1Verifier(CredentialResolver credentials, Clock clock) {
    this.credentials = credentials;
    this.clock = clock;
  }

  /** {@code Authorization: OSS <AccessKeyId>:<Signature>}. */
  Principal verifyHeader(OssRequest request, String authorization, String bucket, String key) {
    // Offsets into the header rather than a substring of it first: one string fewer per request.
    int start = HEADER_PREFIX.length();
    int colon = authorization.indexOf(':', start);
    if (colon <= start || colon == authorization.length() - 1) {
      throw OssException.of(OssErrorCode.INVALID_ARGUMENT)
          .message("AccessKeyId or Signature is missing in Authorization header value.")
          .build();
    }
    String accessKeyId = authorization.substring(start, colon).trim();
    String provided = authorization.substring(colon + 1).trim();
    Headers headers = request.headers();
    String date = RequestTime.signedDate(headers, clock).raw();
    Accounts.Credential credential =
        credentials.resolve(accessKeyId, headers.get("x-oss-security-token"));
    return verify(request, bucket, key, date, accessKeyId, provided, credential, "0002-00000040");
  }

  /** {@code ?OSSAccessKeyId=&Expires=&Signature=} (spec §10.2): Expires takes the date slot. */
  Principal verifyQuery(OssRequest request, String bucket, String key) {
    QueryParameters query = request.query();
    String accessKeyId = query.get("OSSAccessKeyId");
    String expires = query.get("Expires");
    String signature = query.get("Signature");
    if (accessKeyId == null || expires == null || signature == null) {
      throw SignatureErrors.denied(
          "Query-string authentication requires the Signature, Expires and OSSAccessKeyId"
              + " parameters",
          null);
    }
    checkExpires(expires);
    Accounts.Credential credential = credentials.resolve(accessKeyId, query.get("security-token"));
    // Base64 has no spaces: a space is a '+' a client forgot to escape.
    String provided = signature.replace(' ', '+');
    return verify(request, bucket, key, expires, accessKeyId, provided, credential, null);
  }

  private void checkExpires(String expires) {
    if (expires.isEmpty()) {
      throw SignatureErrors.denied("Expires must not be empty.", "0002-00000068");
    }
    RequestTime.checkExpires(expires, "Expires", "0002-00000070", clock);
  }

  private static Principal verify(
      OssRequest request,
      String bucket,
      String key,
      String date,
      String accessKeyId,
      String provided,
      Accounts.Credential credential,
      String ec) {
    String stringToSign = stringToSign(request, bucket, key, date, SubResources::isListed);
    if (SignatureErrors.matches(SignatureV1.sign(credential.secret(), stringToSign), provided)
        || SignatureErrors.matches(
            SignatureV1.sign(
                credential.secret(),
                // spec §10.1: GO2 also signs every x-oss-* query key; accept either form.
                stringToSign(request, bucket, key, date, SubResources::isListedOrOssPrefixed)),
            provided)) {
      return new Principal(
          credential.account(), credential.ramUser(), accessKeyId, Principal.SignatureVersion.V1);
    }
    throw SignatureErrors.mismatch(accessKeyId, provided, stringToSign, null, ec);
  }

  private static String stringToSign(
      OssRequest request, String bucket, String key, String date, Predicate<String> signed) {
    return SignatureV1.stringToSign(
        request.method(),
        request.headers(),
        date,
        SignatureV1.canonicalizedResource(bucket, key, request.query(), signed));
  }
}
