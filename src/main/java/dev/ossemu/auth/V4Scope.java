package dev.ossemu.auth;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The V4 credential scope {@code <day>/<region>/<product>/aliyun_v4_request} (spec §10.3). */
final class V4Scope {
  /** spec §10.3: the scope's {@code yyyymmdd}, a UTC day. */
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final String region;

  V4Scope(String region) {
    this.region = region;
  }

  /**
   * The scope's day must be the day the request was signed, else a day-scoped signing key would
   * work forever. spec §10.3 leaves OSS's answer UNCONFIRMED; the DOC EC pages 0002-00000212
   * (header) and 0002-00000223 (URL) name an invalid signing date in the credential, and the
   * S3-compatible check (EC 0002-00000409) is this very rule. 403 AccessDenied is our choice
   * (README, fidelity notes).
   */
  static void checkDay(AuthorizationV4 parsed, Instant signedAt, String where, String ec) {
    String day = DAY.format(signedAt);
    if (!day.equals(parsed.date())) {
      throw SignatureErrors.denied(
          "Invalid signing date in "
              + where
              + ": the credential scope names "
              + parsed.date()
              + " but the request was signed on "
              + day
              + ".",
          ec);
    }
  }

  /** Product and region: EC 0002-00000227 and 0002-00000226 (spec §9.3). */
  void check(AuthorizationV4 parsed) {
    if (!"oss".equals(parsed.product())) {
      throw OssException.of(OssErrorCode.INVALID_ARGUMENT)
          .message("Invalid signing product in Authorization header.")
          .ec("0002-00000227")
          .build();
    }
    if (!region.equals(parsed.region())) {
      throw OssException.of(OssErrorCode.INVALID_ARGUMENT)
          .message(
              "Invalid signing region in Authorization header. The expected region is "
                  + region
                  + ".")
          .ec("0002-00000226")
          .build();
    }
  }
}
