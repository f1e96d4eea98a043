package dev.ossemu.auth;

/**
 * Who sent a request, once its signature has been checked.
 *
 * @param account the signing account, or null for an anonymous request
 * @param accessKeyId the access key that signed, or null
 * @param signature how the request was authenticated
 */
public record Principal(Account account, String accessKeyId, SignatureVersion signature) {

  /** The way a request proved who sent it. */
  public enum SignatureVersion {
    ANONYMOUS,
    V1,
    V4
  }

  public static Principal anonymous() {
    return new Principal(null, null, SignatureVersion.ANONYMOUS);
  }

  public boolean isAnonymous() {
    return account == null;
  }

  /** True when this principal's account owns something with that owner ID. */
  public boolean owns(String ownerId) {
    return account != null && account.ownerId().equals(ownerId);
  }
}
