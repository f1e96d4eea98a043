package dev.ossemu.operation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * How every timestamp of a result document is written ({@code LastModified}, {@code Initiated},
 * {@code CreationDate}, …): ISO-8601 UTC whose milliseconds are always {@code 000}, as OSS sends
 * them (spec §6, e.g. {@code 2013-07-31T10:56:21.000Z}). Python oss2 parses these with {@code
 * utils._ISO8601_RE}, which accepts only that form, so real milliseconds break every list call.
 */
final class XmlTime {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'.000Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private XmlTime() {}

  static String format(Instant instant) {
    return FORMAT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }
}
