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

  /** The prefix of CopyObject's and UploadPartCopy's conditions on the source object. */
  static final String COPY_SOURCE = "x-oss-copy-source-";

  /**
   * Whether the object is answered at all: false means 304 Not Modified.
   *
   * @throws OssException PreconditionFailed (412)
   */
  static boolean check(Headers headers, OssObject object) {
    return check(headers, "", object);
  }

  /**
   * The four conditions, read from headers named {@code <prefix>if-match} and so on: GetObject's
   * own ({@code ""}) or a copy's on its source ({@link #COPY_SOURCE}). A failed If-Match or
   * If-Unmodified-Since is 412; a matched If-None-Match or an If-Modified-Since the object has not
   * changed since is 304 (false).
   *
   * @throws OssException PreconditionFailed (412)
   */
  static boolean check(Headers headers, String prefix, OssObject object) {
    String ifMatch = headers.get(prefix + "if-match");
    if (ifMatch != null && !etagMatches(ifMatch, object.etag())) {
      throw preconditionFailed("If-Match");
    }
    Instant modified = object.lastModified().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    Instant unmodifiedSince = date(headers.get(prefix + "if-unmodified-since"));
    if (unmodifiedSince != null && modified.isAfter(unmodifiedSince)) {
      throw preconditionFailed("If-Unmodified-Since");
    }
    String ifNoneMatch = headers.get(prefix + "if-none-match");
    if (ifNoneMatch != null) {
      return !etagMatches(ifNoneMatch, object.etag());
    }
    Instant modifiedSince = date(headers.get(prefix + "if-modified-since"));
    return modifiedSince == null || modified.isAfter(modifiedSince);
  }

  /**
   * The {@code Condition} element names the failed condition by its HTTP header, for a copy's
   * {@code x-oss-copy-source-if-match} too: ali-oss's suite, run against OSS, expects {@code
   * (condition: If-Match)} and {@code (condition: If-Unmodified-Since)} from CopyObject (its
   * message appends the element).
   */
  private static OssException preconditionFailed(String condition) {
    return OssException.of(OssErrorCode.PRECONDITION_FAILED).extra("Condition", condition).build();
  }

  /** The header that switches Range to the standard (RFC 7233) reading. */
  static final String RANGE_BEHAVIOR = "x-oss-range-behavior";

  /**
   * GetObject's range: OSS's compatible reading unless {@code x-oss-range-behavior: standard}.
   *
   * @see #range(String, long, boolean)
   */
  static Range range(Headers headers, long size) {
    return range(
        headers.get("range"), size, "standard".equalsIgnoreCase(headers.get(RANGE_BEHAVIOR)));
  }

  /**
   * The range asked for, or null for the whole object. A header OSS cannot parse is ignored (the
   * whole object is sent, 200). A range that does not fit the object is also ignored in OSS's
   * default, compatible reading ({@code bytes=10-200} of 100 bytes sends all 100 with 200); in the
   * standard reading an end past the object is cut to it (206) and a start past it is 416
   * InvalidRange. {@code bytes=-0} asks for no bytes: ignored when compatible, 416 when standard,
   * as RFC 7233 §2.1 has it for a zero-length suffix (what OSS answers is UNCONFIRMED).
   *
   * @param standard whether {@code x-oss-range-behavior: standard} was sent
   */
  static Range range(String header, long size, boolean standard) {
    if (header == null || !header.startsWith("bytes=") || header.indexOf(',') >= 0) {
      return null;
    }
    String spec = header.substring("bytes=".length()).trim();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return null;
    }
    long first;
    long last;
    try {
      String from = spec.substring(0, dash).trim();
      String to = spec.substring(dash + 1).trim();
      first = from.isEmpty() ? -1 : Long.parseLong(from);
      last = to.isEmpty() ? -1 : Long.parseLong(to);
    } catch (NumberFormatException e) {
      return null;
    }
    if (first < 0 && last < 0) {
      return null; // "bytes=-"
    }
    return first < 0
        ? suffix(last, size, standard, header)
        : span(first, last, size, standard, header);
  }

  private static Range suffix(long length, long size, boolean standard, String header) {
    if (length == 0 || size == 0) {
      if (standard) {
        throw invalidRange(header, size);
      }
      return null;
    }
    if (length > size && !standard) {
      return null;
    }
    return new Range(Math.max(0, size - length), size - 1);
  }

  private static Range span(long first, long last, long size, boolean standard, String header) {
    if (last >= 0 && last < first) {
      return null; // not a range at all: ignored in both readings
    }
    if (first >= size) {
      if (standard) {
        throw invalidRange(header, size);
      }
      return null;
    }
    if (last >= size && !standard) {
      return null;
    }
    return new Range(first, last < 0 || last >= size ? size - 1 : last);
  }

  private static OssException invalidRange(String header, long size) {
    return OssException.of(OssErrorCode.INVALID_RANGE)
        .extra("RangeRequested", header)
        .extra("ActualObjectSize", String.valueOf(size))
        .build();
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
