package dev.ossemu.auth;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.request.OssRequest;
import dev.ossemu.request.QueryParameters;
import java.time.Clock;

/**
 * Checks a request's signature, V1, V2 or V4, in the Authorization header or in a presigned URL,
 * and says who sent it. Signatures never depend on the addressing style, so the caller resolves
 * bucket and key first (spec §11). Comparisons are constant-time; secrets appear in no message and
 * no log line.
 */
public final class Authenticator {
  private final V1Verifier v1;
  private final V2Verifier v2;
  private final V4Verifier v4;

  public Authenticator(Accounts accounts, String region, Clock clock) {
    this(accounts, new StsCredentials(), region, clock);
  }

  public Authenticator(Accounts accounts, StsCredentials sts, String region, Clock clock) {
    CredentialResolver credentials = new CredentialResolver(accounts, sts, clock);
    this.v1 = new V1Verifier(credentials, clock);
    this.v2 = new V2Verifier(credentials, clock);
    this.v4 = new V4Verifier(credentials, region, clock);
  }

  /**
   * Authenticates a request to {@code bucket}/{@code key}.
   *
   * @param bucket the resolved bucket, or null for a service request
   * @param key the decoded object key, empty at bucket level
   * @return the principal; anonymous when the request carries no signature at all
   * @throws OssException the OSS error for a malformed, unknown, stale or wrong signature, or a
   *     signing header or parameter given more than once
   */
  public Principal authenticate(OssRequest request, String bucket, String key) {
    SingleValued.check(request);
    String authorization = request.headers().get("authorization");
    if (authorization != null) {
      if (authorization.startsWith(AuthorizationV4.PREFIX)) {
        return v4.verifyHeader(request, authorization, bucket, key);
      }
      if (authorization.startsWith(SignatureV2.HEADER_PREFIX)) {
        return v2.verifyHeader(request, authorization, bucket, key);
      }
      if (authorization.startsWith(V1Verifier.HEADER_PREFIX)) {
        return v1.verifyHeader(request, authorization, bucket, key);
      }
      throw OssException.of(OssErrorCode.INVALID_ARGUMENT)
          .message("Authorization header is invalid.")
          .build();
    }
    QueryParameters query = request.query();
    if (SignatureV2.VERSION.equals(query.get("x-oss-signature-version"))) {
      return v2.verifyQuery(request, bucket, key);
    }
    if (query.has("x-oss-signature-version")
        || query.has("x-oss-credential")
        || query.has("x-oss-signature")) {
      return v4.verifyQuery(request, bucket, key);
    }
    if (query.has("OSSAccessKeyId") || query.has("Signature") || query.has("Expires")) {
      return v1.verifyQuery(request, bucket, key);
    }
    return Principal.anonymous();
  }

  /** spec §9.4: upper-case hex bytes, each followed by a space. */
  static String hexBytes(String value) {
    return SignatureErrors.hexBytes(value);
  }
}
