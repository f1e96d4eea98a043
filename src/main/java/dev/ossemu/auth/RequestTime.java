package dev.ossemu.auth;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.request.Headers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The signed request time: parsing both OSS formats and the ±15 minute window. */
final class RequestTime {
  /** spec §10.1, §10.3: a request more than 15 minutes off the server clock is refused. */
  static final Duration MAX_SKEW = Duration.ofMinutes(15);

  static final DateTimeFormatter ISO_BASIC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SERVER_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /**
   * The last date text parsed and its instant. A client's requests of one second carry the same
   * Date, and so do many clients' at once: one string compare instead of a parse (parsing was ~2 %
   * of a signed request's samples, issue 15). Only a successful parse is kept; the skew is still
   * checked against the clock on every request.
   */
  private static volatile ParsedDate lastParsed = new ParsedDate("", Instant.EPOCH);

  private record ParsedDate(String text, Instant at) {}

  private RequestTime() {}

  /**
   * Parses an RFC 1123 date (the {@code Date} header, NODE's V1 {@code x-oss-date}) or the ISO
   * basic form of V4's {@code x-oss-date}.
   *
   * @throws OssException AccessDenied when neither form fits (spec §9.3: EC 0002-00000502)
   */
  static Instant parse(String value) {
    ParsedDate last = lastParsed;
    if (last.text().equals(value) && !value.isEmpty()) {
      return last.at();
    }
    Instant at = parseAnew(value);
    lastParsed = new ParsedDate(value, at);
    return at;
  }

  private static Instant parseAnew(String value) {
    try {
      if (value.length() == 16 && value.charAt(8) == 'T') {
        return ISO_BASIC.parse(value, Instant::from);
      }
      Instant fast = HttpDate.parseImfFixdate(value);
      if (fast != null) {
        return fast;
      }
      // Anything else (a one-digit day, an offset, odd case or spacing) takes the full parser,
      // which also produces the error for a date that is not a date.
      return DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.trim(), Instant::from);
    } catch (DateTimeParseException e) {
      throw OssException.of(OssErrorCode.ACCESS_DENIED)
          .message("Invalid date format of the request time: " + value)
          .ec("0002-00000502")
          .build();
    }
  }

  /** Refuses a request without any date header (spec §9.3: EC 0002-00000503). */
  static OssException missing() {
    return OssException.of(OssErrorCode.ACCESS_DENIED)
        .message("The request must contain a Date or x-oss-date header.")
        .ec("0002-00000503")
        .build();
  }

  /** Checks {@code requestTime} against the clock; {@code raw} is echoed as RequestTime. */
  static void checkSkew(Instant requestTime, String raw, Clock clock) {
    Instant now = clock.instant();
    if (tooSkewed(requestTime, now)) {
      throw OssException.of(OssErrorCode.REQUEST_TIME_TOO_SKEWED)
          .extra("RequestTime", raw)
          .extra("ServerTime", SERVER_TIME.format(now))
          .build();
    }
  }

  /**
   * {@code |now - requestTime| > MAX_SKEW} to the nanosecond, in seconds and nanoseconds: {@code
   * Duration.between} was 3 % of a GetBucketEncryption (issue 15), and epoch seconds of any Instant
   * subtract without overflow. MAX_SKEW is whole seconds.
   */
  static boolean tooSkewed(Instant requestTime, Instant now) {
    long seconds = now.getEpochSecond() - requestTime.getEpochSecond();
    int nanos = now.getNano() - requestTime.getNano();
    if (nanos < 0) {
      seconds--;
      nanos += 1_000_000_000; // now - requestTime = seconds + nanos / 1e9, 0 <= nanos < 1e9
    }
    long max = MAX_SKEW.getSeconds();
    return seconds > max || seconds == max && nanos > 0 || seconds < -max;
  }

  /** The date slot of a header-signed request: the header's text and the instant it names. */
  record SignedDate(String raw, Instant at) {}

  /**
   * The header a header-signed request puts in its date slot (spec §10.1, §10.3): {@code
   * x-oss-date} when present (NODE's V1 sends only that, V4 always), else {@code Date} (the Go SDK
   * v1 line's V4 signs that one as is). Refused when missing, malformed or off the clock by more
   * than {@link #MAX_SKEW}.
   */
  static SignedDate signedDate(Headers headers, Clock clock) {
    String ossDate = headers.get("x-oss-date"); // one lookup: present means a first value
    String date = ossDate != null ? ossDate : headers.get("date");
    if (date == null) {
      throw missing();
    }
    Instant at = parse(date);
    checkSkew(at, date, clock);
    return new SignedDate(date, at);
  }

  /**
   * Checks a presigned URL's expiry, epoch seconds in {@code parameter} (spec §10.2).
   *
   * @param invalidEc the EC of a value that is not a number, or null
   */
  static void checkExpires(String expires, String parameter, String invalidEc, Clock clock) {
    long epochSeconds;
    try {
      epochSeconds = Long.parseLong(expires);
    } catch (NumberFormatException e) {
      throw SignatureErrors.denied(parameter + " is not a valid time: " + expires, invalidEc);
    }
    Instant now = clock.instant();
    if (now.getEpochSecond() > epochSeconds) {
      throw SignatureErrors.expired(epochSeconds, now);
    }
  }
}
