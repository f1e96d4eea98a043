package dev.ossemu.auth;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A RAM user of an account: signs with its own access keys and may do only what its policy allows
 * (the action names of RAM, {@code oss:GetBucketEncryption}, with {@code *} wildcards), on every
 * bucket of its account or only on those listed.
 *
 * @param name unique within the account
 * @param accessKeys its access keys
 * @param allow allowed actions, e.g. {@code oss:Get*}
 * @param buckets the buckets it may act on, or null for every bucket of the account
 */
public record RamUser(
    String name, List<Account.AccessKey> accessKeys, List<String> allow, List<String> buckets) {

  public RamUser {
    Objects.requireNonNull(name, "name");
    accessKeys = List.copyOf(accessKeys);
    allow = List.copyOf(allow);
    buckets = buckets == null ? null : List.copyOf(buckets);
  }

  /**
   * Whether the policy allows {@code action} on {@code bucket}.
   *
   * @param action the RAM action, e.g. {@code oss:PutBucketEncryption}
   * @param bucket the bucket, or null for a service-level action such as ListBuckets
   */
  public boolean allows(String action, String bucket) {
    if (bucket != null && buckets != null && !buckets.contains(bucket)) {
      return false;
    }
    for (String pattern : allow) {
      if (matches(pattern, action)) {
        return true;
      }
    }
    return false;
  }

  /** RAM matches action names case-insensitively, {@code *} standing for any run of characters. */
  static boolean matches(String pattern, String action) {
    StringBuilder regex = new StringBuilder();
    for (String part : pattern.split("\\*", -1)) {
      if (regex.length() > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(action).matches();
  }
}
