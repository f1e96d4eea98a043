package dev.ossemu.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast IMF-fixdate parser agrees with {@code RFC_1123_DATE_TIME} or defers to it. */
class HttpDateTest {
  private static final DateTimeFormatter RFC = DateTimeFormatter.RFC_1123_DATE_TIME;

  @Test
  void agreesWithTheFullParserOnRandomInstants() {
    SplittableRandom random = new SplittableRandom(15);
    for (int i = 0; i < 20_000; i++) {
      Instant instant = Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L)); // to 2100
      String text = RFC.format(instant.atOffset(ZoneOffset.UTC));
      if (text.length() == 29) {
        assertThat(HttpDate.parseImfFixdate(text)).as(text).isEqualTo(instant);
      }
    }
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "Thu, 28 Dec 2022 10:27:41 GMT", // wrong day of week: the full parser refuses it
        "Wed, 32 Dec 2022 10:27:41 GMT",
        "Wed, 29 Feb 2023 10:27:41 GMT",
        "Wed, 28 Dec 2022 24:00:00 GMT",
        "Wed, 28 Dec 2022 10:60:41 GMT",
        "Wed, 28 Dec 2022 10:27:60 GMT",
        "Wed, 28 Dex 2022 10:27:41 GMT",
        "Wed, 28 ecD 2022 10:27:41 GMT",
        "wed, 28 Dec 2022 10:27:41 GMT",
        "Wed, 28 Dec 2022 10:27:41 UTC",
        "Wed, 2a Dec 2022 10:27:41 GMT",
        "Wed,  8 Dec 2022 10:27:41 GMT",
        "Wed, 28 Dec 2022 10:27:41 +0000",
        "Wed, 28 Dec 2022 10:27:41 GMT ",
      })
  void defersEverythingElseToTheFullParser(String text) {
    assertThat(HttpDate.parseImfFixdate(text)).isNull();
  }

  @Test
  void neverAcceptsWhatTheFullParserRefuses() {
    SplittableRandom random = new SplittableRandom(42);
    String base = "Wed, 28 Dec 2022 10:27:41 GMT";
    String alphabet = "0123456789 ,:ADFGJMNOSTWadeghnortuy";
    for (int i = 0; i < 50_000; i++) {
      char[] text = base.toCharArray();
      for (int k = random.nextInt(1, 3); k > 0; k--) {
        text[random.nextInt(text.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
      }
      String candidate = new String(text);
      Instant fast = HttpDate.parseImfFixdate(candidate);
      if (fast != null) {
        assertThat(fast).as(candidate).isEqualTo(slow(candidate));
      }
    }
  }

  private static Instant slow(String text) {
    try {
      return RFC.parse(text, Instant::from);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
