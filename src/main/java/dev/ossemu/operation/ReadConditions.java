package dev.ossemu.operation;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.object.OssObject;
import dev.ossemu.request.Headers;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** GetObject's conditional headers and its single {@code Range}. */
final class ReadConditions {
  /** A satisfiable byte range: {@code start} to {@code end}, both inclusive. */
  record Range(long start, long end) {
    long length() {
      return end - start + 1;
    }
  }

  private ReadConditions() {}

  /**
   * Whether the object is answered at all: false means 304 Not Modified.
   *
   * @throws OssException PreconditionFailed (412)
   */
  static boolean check(Headers headers, OssObject object) {
    String ifMatch = headers.get("if-match");
    if (ifMatch != null && !etagMatches(ifMatch, object.etag())) {
      throw OssException.of(OssErrorCode.PRECONDITION_FAILED)
          .extra("Condition", "If-Match")
          .build();
    }
    Instant modified = object.lastModified().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    Instant unmodifiedSince = date(headers.get("if-unmodified-since"));
    if (unmodifiedSince != null && modified.isAfter(unmodifiedSince)) {
      throw OssException.of(OssErrorCode.PRECONDITION_FAILED)
          .extra("Condition", "If-Unmodified-Since")
          .build();
    }
    String ifNoneMatch = headers.get("if-none-match");
    if (ifNoneMatch != null) {
      return !etagMatches(ifNoneMatch, object.etag());
    }
    Instant modifiedSince = date(headers.get("if-modified-since"));
    return modifiedSince == null || modified.isAfter(modifiedSince);
  }

  /**
   * The range asked for, or null for the whole object. A header OSS cannot parse is ignored (the
   * whole object is sent); one that starts past the end is 416 InvalidRange.
   */
  static Range range(String header, long size) {
    if (header == null || !header.startsWith("bytes=") || header.indexOf(',') >= 0) {
      return null;
    }
    String spec = header.substring("bytes=".length()).trim();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return null;
    }
    try {
      String first = spec.substring(0, dash).trim();
      String last = spec.substring(dash + 1).trim();
      if (first.isEmpty()) {
        long suffix = Long.parseLong(last);
        return suffix <= 0 ? null : new Range(Math.max(0, size - suffix), size - 1);
      }
      long start = Long.parseLong(first);
      long end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
      if (start >= size) {
        throw OssException.of(OssErrorCode.INVALID_RANGE)
            .extra("RangeRequested", header)
            .extra("ActualObjectSize", String.valueOf(size))
            .build();
      }
      return end < start ? null : new Range(start, end);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean etagMatches(String header, String etag) {
    for (String candidate : header.split(",")) {
      String value = candidate.trim();
      if (value.equals("*")
          || value.equalsIgnoreCase(etag)
          || ("\"" + value + "\"").equalsIgnoreCase(etag)) {
        return true;
      }
    }
    return false;
  }

  private static Instant date(String value) {
    if (value == null) {
      return null;
    }
    try {
      return DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.trim(), Instant::from);
    } catch (DateTimeParseException e) {
      return null; // OSS ignores a condition it cannot read
    }
  }
}
