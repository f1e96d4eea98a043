package dev.ossemu.auth;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;

/**
 * Turns the access key id a request names, plus its security token if any, into the credential to
 * verify the signature with: a long-term key of an account or RAM user, or STS temporary
 * credentials, which are valid only with their token and until they expire.
 */
final class CredentialResolver {
  private final Accounts accounts;
  private final StsCredentials sts;
  private final Clock clock;

  CredentialResolver(Accounts accounts, StsCredentials sts, Clock clock) {
    this.accounts = accounts;
    this.sts = sts;
    this.clock = clock;
  }

  /**
   * The credential for a request.
   *
   * @param securityToken the request's security token, or null
   * @throws OssException InvalidAccessKeyId, InvalidSecurityToken or SecurityTokenExpired
   */
  Accounts.Credential resolve(String accessKeyId, String securityToken) {
    StsCredentials.Temporary temporary = sts.find(accessKeyId);
    if (temporary != null) {
      return temporary(temporary, securityToken);
    }
    Accounts.Credential credential =
        accounts.byAccessKeyId(accessKeyId).orElseThrow(() -> unknownKey(accessKeyId, null));
    if (securityToken != null) {
      // A token makes this an STS request, and the key is no STS key (DOC EC 0002-00000002).
      throw unknownKey(accessKeyId, "0002-00000002");
    }
    return credential;
  }

  private Accounts.Credential temporary(StsCredentials.Temporary temporary, String token) {
    if (token == null) {
      // An STS key means nothing without its token: OSS does not know it (EC 0002-00000002).
      throw unknownKey(temporary.accessKeyId(), "0002-00000002");
    }
    byte[] expected = temporary.securityToken().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.UTF_8))) {
      throw OssException.of(OssErrorCode.INVALID_SECURITY_TOKEN)
          .extra("OSSAccessKeyId", temporary.accessKeyId())
          .build();
    }
    if (clock.instant().isAfter(temporary.expiration())) {
      throw OssException.of(OssErrorCode.SECURITY_TOKEN_EXPIRED)
          .extra("OSSAccessKeyId", temporary.accessKeyId())
          .build();
    }
    return new Accounts.Credential(temporary.account(), temporary.ramUser(), temporary.secret());
  }

  private static OssException unknownKey(String accessKeyId, String ec) {
    OssException.Builder error =
        OssException.of(OssErrorCode.INVALID_ACCESS_KEY_ID).extra("OSSAccessKeyId", accessKeyId);
    if (ec != null) {
      error.ec(ec);
    }
    return error.build();
  }
}
