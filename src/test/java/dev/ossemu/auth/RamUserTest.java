package dev.ossemu.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The permission matcher: RAM action names with wildcards, and the optional bucket list. */
class RamUserTest {
  private static final List<Account.AccessKey> KEYS = List.of(new Account.AccessKey("k", "s"));

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource({
    "oss:GetBucketEncryption, oss:GetBucketEncryption, true",
    "oss:GetBucketEncryption, oss:PutBucketEncryption, false",
    "oss:Get*, oss:GetBucketInfo, true",
    "oss:Get*, oss:PutBucket, false",
    "oss:*, oss:DeleteBucket, true",
    "*, oss:ListBuckets, true",
    "oss:*Encryption, oss:DeleteBucketEncryption, true",
    "oss:*Encryption, oss:GetBucketInfo, false",
    "OSS:getbucketinfo, oss:GetBucketInfo, true",
    "oss:GetBucket, oss:GetBucketInfo, false",
    "oss:Get.*, oss:GetBucketInfo, false",
  })
  void matchesActionsWithWildcards(String pattern, String action, boolean expected) {
    assertThat(RamUser.matches(pattern, action)).isEqualTo(expected);
  }

  @Test
  void limitsBucketActionsToTheListedBuckets() {
    RamUser user = new RamUser("reader", KEYS, List.of("oss:*"), List.of("examplebucket"));
    assertThat(user.allows("oss:GetBucketInfo", "examplebucket")).isTrue();
    assertThat(user.allows("oss:GetBucketInfo", "otherbucket")).isFalse();
    assertThat(user.allows("oss:ListBuckets", null)).isTrue();
  }

  @Test
  void allowsEveryBucketWithoutAList() {
    RamUser user = new RamUser("reader", KEYS, List.of("oss:GetBucketInfo"), null);
    assertThat(user.allows("oss:GetBucketInfo", "any-bucket")).isTrue();
    assertThat(user.allows("oss:PutBucketEncryption", "any-bucket")).isFalse();
  }

  @Test
  void allowsNothingWithAnEmptyPolicy() {
    RamUser user = new RamUser("nobody", KEYS, List.of(), null);
    assertThat(user.allows("oss:ListBuckets", null)).isFalse();
  }

  @Test
  void theAccountItselfIsAllowedEverything() {
    Principal owner = new Principal(Account.of("k2", "s2"), "k2", Principal.SignatureVersion.V1);
    assertThat(owner.isAllowed("oss:DeleteBucket", "any-bucket")).isTrue();
  }
}
