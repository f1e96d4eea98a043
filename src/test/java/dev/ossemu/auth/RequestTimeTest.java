package dev.ossemu.auth;

import static dev.ossemu.auth.AuthFixtures.clockAt;
import static dev.ossemu.auth.AuthFixtures.rejection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.entry;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Both date formats of the signed request time and the ±15 minute window (spec §10.1, §10.3). */
class RequestTimeTest {
  private static final Instant NOW = Instant.parse("2022-12-28T10:27:41Z");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Wed, 28 Dec 2022 10:27:41 GMT|2022-12-28T10:27:41Z",
        "Tue, 24 Nov 2026 07:49:44 GMT|2026-11-24T07:49:44Z",
        "Sat, 16 Dec 2023 16:20:57 GMT|2023-12-16T16:20:57Z",
        "20231216T162057Z|2023-12-16T16:20:57Z",
        "20261124T075355Z|2026-11-24T07:53:55Z",
      })
  void parsesRfc1123AndIsoBasic(String value, String instant) {
    assertThat(RequestTime.parse(value)).isEqualTo(Instant.parse(instant));
  }

  @Test
  void eachDateTextIsItsOwnInstantWhateverWasParsedBefore() {
    String first = "Wed, 28 Dec 2022 10:27:41 GMT";
    String second = "Wed, 28 Dec 2022 10:27:42 GMT";
    assertThat(RequestTime.parse(first)).isEqualTo(Instant.parse("2022-12-28T10:27:41Z"));
    assertThat(RequestTime.parse(first)).isEqualTo(Instant.parse("2022-12-28T10:27:41Z"));
    assertThat(RequestTime.parse(second)).isEqualTo(Instant.parse("2022-12-28T10:27:42Z"));
    assertThat(RequestTime.parse("20231216T162057Z"))
        .isEqualTo(Instant.parse("2023-12-16T16:20:57Z"));
    assertThat(RequestTime.parse(first)).isEqualTo(Instant.parse("2022-12-28T10:27:41Z"));
    // A malformed date right after a good one is still refused, and does not displace it.
    assertThat(rejection(() -> RequestTime.parse("Wed, 32 Dec 2022 10:27:41 GMT")).ec())
        .isEqualTo("0002-00000502");
    assertThat(rejection(() -> RequestTime.parse("yesterday")).ec()).isEqualTo("0002-00000502");
    assertThat(RequestTime.parse(first)).isEqualTo(Instant.parse("2022-12-28T10:27:41Z"));
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "yesterday",
        "",
        "2023-12-16T16:20:57Z",
        "20231216T16205XZ",
        "20231216 162057Z",
        "1699807420",
        "Wed, 32 Dec 2022 10:27:41 GMT"
      })
  void refusesAnUnparsableDateWithEc502(String value) {
    OssException error = rejection(() -> RequestTime.parse(value));

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.ACCESS_DENIED);
    assertThat(error.status()).isEqualTo(403);
    assertThat(error.ec()).isEqualTo("0002-00000502");
    assertThat(error.getMessage()).isEqualTo("Invalid date format of the request time: " + value);
  }

  @Test
  void missingDateIsAccessDeniedWithEc503() {
    OssException error = RequestTime.missing();

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.ACCESS_DENIED);
    assertThat(error.ec()).isEqualTo("0002-00000503");
    assertThat(error.getMessage())
        .isEqualTo("The request must contain a Date or x-oss-date header.");
  }

  @ParameterizedTest(name = "{0} s off")
  @ValueSource(longs = {-900, -899, 0, 1, 899, 900})
  void acceptsUpToFifteenMinutesEitherWay(long seconds) {
    Instant requestTime = NOW.plusSeconds(seconds);

    assertThatCode(() -> RequestTime.checkSkew(requestTime, "raw", clockAt(NOW)))
        .doesNotThrowAnyException();
  }

  @Test
  void acceptsExactlyFifteenMinutesToTheNanosecond() {
    assertThat(RequestTime.MAX_SKEW).isEqualTo(Duration.ofMinutes(15));
    Instant now = NOW.plusNanos(123_456_789);

    assertThatCode(() -> RequestTime.checkSkew(now.minus(RequestTime.MAX_SKEW), "r", clockAt(now)))
        .doesNotThrowAnyException();
    OssException late =
        rejection(
            () ->
                RequestTime.checkSkew(
                    now.minus(RequestTime.MAX_SKEW).minusNanos(1), "r", clockAt(now)));
    assertThat(late.errorCode()).isEqualTo(OssErrorCode.REQUEST_TIME_TOO_SKEWED);
  }

  @ParameterizedTest(name = "request {0} s off")
  @ValueSource(longs = {-901, 901, -86_400})
  void refusesMoreThanFifteenMinutesEitherWay(long seconds) {
    OssException error =
        rejection(
            () ->
                RequestTime.checkSkew(
                    NOW.plusSeconds(seconds), "Wed, 28 Dec 2022 10:12:40 GMT", clockAt(NOW)));

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.REQUEST_TIME_TOO_SKEWED);
    assertThat(error.status()).isEqualTo(403);
    assertThat(error.ec()).isEqualTo("0002-00000504");
    assertThat(error.getMessage())
        .isEqualTo("The difference between the request time and the current time is too large.");
    assertThat(error.extras())
        .containsExactly(
            entry("RequestTime", "Wed, 28 Dec 2022 10:12:40 GMT"),
            entry("ServerTime", "2022-12-28T10:27:41.000Z"));
  }

  @Test
  void reportsServerTimeWithMilliseconds() {
    Instant now = Instant.parse("2023-12-16T16:20:57.042Z");

    OssException error =
        rejection(() -> RequestTime.checkSkew(Instant.EPOCH, "20231216T162057Z", clockAt(now)));

    assertThat(error.extras().get("ServerTime")).isEqualTo("2023-12-16T16:20:57.042Z");
    assertThat(error.extras().get("RequestTime")).isEqualTo("20231216T162057Z");
  }

  /** The seconds-and-nanoseconds test against the Duration comparison it replaced (issue 15). */
  @net.jqwik.api.Property(tries = 2000)
  void skewIsWhatDurationBetweenSaid(
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.LongRange(min = -2000, max = 2000)
          long seconds,
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 999_999_999)
          int nanos,
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 999_999_999)
          int nowNanos) {
    Instant now = NOW.plusNanos(nowNanos);
    Instant requestTime = NOW.plusSeconds(seconds).plusNanos(nanos);
    boolean expected = Duration.between(requestTime, now).abs().compareTo(RequestTime.MAX_SKEW) > 0;

    assertThat(RequestTime.tooSkewed(requestTime, now)).isEqualTo(expected);
    assertThat(RequestTime.tooSkewed(now.minus(RequestTime.MAX_SKEW).minusNanos(1), now)).isTrue();
    assertThat(RequestTime.tooSkewed(now.plus(RequestTime.MAX_SKEW), now)).isFalse();
    assertThat(RequestTime.tooSkewed(now.plus(RequestTime.MAX_SKEW).plusNanos(1), now)).isTrue();
    assertThat(RequestTime.tooSkewed(Instant.MIN, Instant.MAX)).isTrue();
    assertThat(RequestTime.tooSkewed(Instant.MAX, Instant.MIN)).isTrue();
  }
}
