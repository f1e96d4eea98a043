package dev.ossemu.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;

/**
 * An OSS account: it owns buckets, signs with any of its access keys, and has RAM users.
 *
 * @param name a unique name
 * @param ownerId the 16-digit ID shown as {@code Owner/ID}
 * @param accessKeys its access keys (may be empty when only its RAM users sign)
 * @param ramUsers its RAM users
 */
public record Account(
    String name, String ownerId, List<AccessKey> accessKeys, List<RamUser> ramUsers) {

  public Account {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(ownerId, "ownerId");
    accessKeys = List.copyOf(accessKeys);
    ramUsers = List.copyOf(ramUsers);
    if (accessKeys.isEmpty() && ramUsers.isEmpty()) {
      throw new IllegalArgumentException("account " + name + " has no access key");
    }
  }

  /** An account named after its only access key, with an owner ID derived from it. */
  public static Account of(String accessKeyId, String secret) {
    return new Account(
        accessKeyId,
        ownerIdFor(accessKeyId),
        List.of(new AccessKey(accessKeyId, secret)),
        List.of());
  }

  /** The RAM user with that name, or null. */
  public RamUser ramUser(String userName) {
    for (RamUser user : ramUsers) {
      if (user.name().equals(userName)) {
        return user;
      }
    }
    return null;
  }

  /**
   * A stable 16-digit owner ID for a name, so the same configuration shows the same owner across
   * restarts, as a real account's UID would.
   */
  public static String ownerIdFor(String name) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      long value = 0;
      for (int i = 0; i < 8; i++) {
        value = (value << 8) | (digest[i] & 0xff);
      }
      long digits = Math.floorMod(value, 9_000_000_000_000_000L) + 1_000_000_000_000_000L;
      return Long.toString(digits);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  /** The first access key, the one a single-key account is known by, or null when none. */
  public AccessKey primaryKey() {
    return accessKeys.isEmpty() ? null : accessKeys.get(0);
  }

  /** An access key id with its secret. {@link #toString()} never shows the secret. */
  public record AccessKey(String id, String secret) {
    public AccessKey {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(secret, "secret");
      if (id.isEmpty() || secret.isEmpty()) {
        throw new IllegalArgumentException("access key id and secret must not be empty");
      }
    }

    @Override
    public String toString() {
      return "AccessKey[id=" + id + "]";
    }
  }
}
