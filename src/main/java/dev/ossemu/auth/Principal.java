package dev.ossemu.auth;

/**
 * Who sent a request, once its signature has been checked.
 *
 * @param account the account acted for, or null for an anonymous request
 * @param ramUser the RAM user who signed, or null when the account itself did
 * @param accessKeyId the access key that signed, or null
 * @param signature how the request was authenticated
 */
public record Principal(
    Account account, RamUser ramUser, String accessKeyId, SignatureVersion signature) {

  /** The way a request proved who sent it. */
  public enum SignatureVersion {
    ANONYMOUS,
    V1,
    V2,
    V4
  }

  /** The account itself (not a RAM user). */
  public Principal(Account account, String accessKeyId, SignatureVersion signature) {
    this(account, null, accessKeyId, signature);
  }

  public static Principal anonymous() {
    return new Principal(null, null, null, SignatureVersion.ANONYMOUS);
  }

  public boolean isAnonymous() {
    return account == null;
  }

  /**
   * True when this principal acts for the account with that owner ID: the account itself or one of
   * its RAM users (whose actions a policy limits further).
   */
  public boolean owns(String ownerId) {
    return account != null && account.ownerId().equals(ownerId);
  }

  /**
   * Whether this principal may perform a RAM action on a bucket: the account always, a RAM user
   * when its policy allows.
   */
  public boolean isAllowed(String action, String bucket) {
    return ramUser == null || ramUser.allows(action, bucket);
  }
}
