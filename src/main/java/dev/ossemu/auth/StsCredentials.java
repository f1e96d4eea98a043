package dev.ossemu.auth;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Temporary credentials of RAM users, as STS AssumeRole hands them out: an {@code STS.} access key,
 * its secret, a security token, and an expiration after which OSS refuses them.
 */
public final class StsCredentials {
  /**
   * One set of temporary credentials.
   *
   * @param accessKeyId starts with {@code STS.}
   * @param secret the access key secret
   * @param securityToken the token every request must carry
   * @param expiration when they stop working
   * @param account the account of the RAM user
   * @param ramUser the RAM user they act as
   */
  public record Temporary(
      String accessKeyId,
      String secret,
      String securityToken,
      Instant expiration,
      Account account,
      RamUser ramUser) {
    public Temporary {
      Objects.requireNonNull(accessKeyId, "accessKeyId");
      Objects.requireNonNull(secret, "secret");
      Objects.requireNonNull(securityToken, "securityToken");
      Objects.requireNonNull(expiration, "expiration");
    }

    @Override
    public String toString() {
      return "Temporary[accessKeyId=" + accessKeyId + ", expiration=" + expiration + "]";
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, Temporary> byAccessKeyId = new ConcurrentHashMap<>();

  /** Issues new credentials for a RAM user, valid until {@code expiration}. */
  public Temporary issue(Account account, RamUser ramUser, Instant expiration) {
    Temporary credentials =
        new Temporary("STS." + random(18), random(30), random(96), expiration, account, ramUser);
    byAccessKeyId.put(credentials.accessKeyId(), credentials);
    return credentials;
  }

  /**
   * Adds fixed credentials (declared in a configuration file for CI).
   *
   * @throws IllegalArgumentException when the access key id is taken
   */
  public void add(Temporary credentials) {
    if (byAccessKeyId.putIfAbsent(credentials.accessKeyId(), credentials) != null) {
      throw new IllegalArgumentException("duplicate access key id " + credentials.accessKeyId());
    }
  }

  /** The temporary credentials with this access key id, or null. */
  public Temporary find(String accessKeyId) {
    return byAccessKeyId.get(accessKeyId);
  }

  private static String random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }
}
