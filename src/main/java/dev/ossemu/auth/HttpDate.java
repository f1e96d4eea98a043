package dev.ossemu.auth;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A parser for the one shape every SDK sends in {@code Date} (RFC 7231's IMF-fixdate, {@code Wed,
 * 28 Dec 2022 10:27:41 GMT}), about twenty times cheaper than {@code
 * DateTimeFormatter.RFC_1123_DATE_TIME}, which builds a field map and resolves it for every
 * request. It answers null for anything it is not sure of, and the caller then uses the full
 * parser: so it never accepts a date that parser would refuse (day-of-week included).
 */
final class HttpDate {
  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  private HttpDate() {}

  /** The instant of an exact IMF-fixdate, or null when {@code value} is not one. */
  static Instant parseImfFixdate(String value) {
    if (value.length() != 29
        || value.charAt(3) != ','
        || value.charAt(4) != ' '
        || value.charAt(7) != ' '
        || value.charAt(11) != ' '
        || value.charAt(16) != ' '
        || value.charAt(19) != ':'
        || value.charAt(22) != ':'
        || !value.startsWith(" GMT", 25)) {
      return null;
    }
    int day = digits(value, 5, 2);
    int month = month(value);
    int year = digits(value, 12, 4);
    int hour = digits(value, 17, 2);
    int minute = digits(value, 20, 2);
    int second = digits(value, 23, 2);
    if (day < 1
        || month < 1
        || year < 0
        || hour > 23
        || minute > 59
        || second > 59
        || hour < 0
        || minute < 0
        || second < 0
        || day > 28 && day > lengthOf(month, year)) {
      return null;
    }
    LocalDate date = LocalDate.of(year, month, day);
    DayOfWeek dayOfWeek = date.getDayOfWeek();
    if (!value.startsWith(DAYS[dayOfWeek.ordinal()])) {
      return null;
    }
    return Instant.ofEpochSecond(
        date.toEpochDay() * 86_400L + hour * 3600L + minute * 60L + second);
  }

  /** The decimal number in {@code value[start, start + count)}, or -1 if it has a non-digit. */
  private static int digits(String value, int start, int count) {
    int n = 0;
    for (int i = start; i < start + count; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  /** The month named at {@code value[8, 11)}, or -1; compared in place, no substring. */
  private static int month(String value) {
    for (int at = 0; at < MONTHS.length(); at += 3) {
      if (MONTHS.regionMatches(at, value, 8, 3)) {
        return at / 3 + 1;
      }
    }
    return -1;
  }

  private static int lengthOf(int month, int year) {
    return java.time.YearMonth.of(year, month).lengthOfMonth();
  }
}
