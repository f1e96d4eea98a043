package dev.ossemu.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written endpoint check accepts exactly the pattern it replaced. */
class OssEndpointTest {
  private static final Pattern ENDPOINT = Pattern.compile("oss-[a-z0-9-]+\\.aliyuncs\\.com");

  @Test
  void agreesWithThePatternOnMutatedNames() {
    SplittableRandom random = new SplittableRandom(11);
    String[] seeds = {"oss-cn-hangzhou.aliyuncs.com", "oss-.aliyuncs.com", "oss-a.aliyuncs.com"};
    String alphabet = "oss-.aliyuncom9_A";
    for (int i = 0; i < 50_000; i++) {
      StringBuilder name = new StringBuilder(seeds[random.nextInt(seeds.length)]);
      for (int k = random.nextInt(0, 3); k > 0 && name.length() > 0; k--) {
        int at = random.nextInt(name.length());
        if (random.nextBoolean()) {
          name.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
        } else {
          name.deleteCharAt(at);
        }
      }
      String candidate = name.toString();
      assertThat(Addressing.isOssEndpoint(candidate))
          .as(candidate)
          .isEqualTo(ENDPOINT.matcher(candidate).matches());
    }
  }

  @Test
  void examples() {
    assertThat(Addressing.isOssEndpoint("oss-cn-hangzhou-internal.aliyuncs.com")).isTrue();
    assertThat(Addressing.isOssEndpoint("oss-.aliyuncs.com")).isFalse();
    assertThat(Addressing.isOssEndpoint("0.0.1")).isFalse();
    assertThat(Addressing.isOssEndpoint("bucket.oss-cn-hangzhou.aliyuncs.com")).isFalse();
  }
}
