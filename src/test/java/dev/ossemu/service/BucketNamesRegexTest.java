package dev.ossemu.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written bucket-name check accepts exactly what spec §4's pattern accepts. */
class BucketNamesRegexTest {
  private static final Pattern SPEC = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");

  @Test
  void agreesWithTheSpecPatternOnRandomNames() {
    SplittableRandom random = new SplittableRandom(4);
    String alphabet = "abz09-_A.é";
    for (int i = 0; i < 100_000; i++) {
      StringBuilder name = new StringBuilder();
      int length = random.nextInt(0, 70);
      for (int k = 0; k < length; k++) {
        name.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String candidate = name.toString();
      assertThat(BucketNames.isValid(candidate))
          .as(candidate)
          .isEqualTo(SPEC.matcher(candidate).matches());
    }
  }

  @Test
  void boundaries() {
    assertThat(BucketNames.isValid("abc")).isTrue();
    assertThat(BucketNames.isValid("ab")).isFalse();
    assertThat(BucketNames.isValid("a".repeat(63))).isTrue();
    assertThat(BucketNames.isValid("a".repeat(64))).isFalse();
    assertThat(BucketNames.isValid("-ab")).isFalse();
    assertThat(BucketNames.isValid("ab-")).isFalse();
    assertThat(BucketNames.isValid("a-b")).isTrue();
  }
}
