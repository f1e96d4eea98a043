package dev.ossemu.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;

/**
 * An OSS account: it owns buckets and signs with any of its access keys.
 *
 * @param name a unique name
 * @param ownerId the 16-digit ID shown as {@code Owner/ID}
 * @param accessKeys its access keys, at least one
 */
public record Account(String name, String ownerId, List<AccessKey> accessKeys) {

  public Account {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(ownerId, "ownerId");
    accessKeys = List.copyOf(accessKeys);
    if (accessKeys.isEmpty()) {
      throw new IllegalArgumentException("an account needs at least one access key");
    }
  }

  /** An account named after its only access key, with an owner ID derived from it. */
  public static Account of(String accessKeyId, String secret) {
    return new Account(
        accessKeyId, ownerIdFor(accessKeyId), List.of(new AccessKey(accessKeyId, secret)));
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

  /** The first access key, the one a single-key account is known by. */
  public AccessKey primaryKey() {
    return accessKeys.get(0);
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
