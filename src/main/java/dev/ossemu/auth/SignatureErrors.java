package dev.ossemu.auth;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Comparing signatures and reporting a mismatch, shared by V1 and V4, header and URL. */
final class SignatureErrors {
  private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

  private SignatureErrors() {}

  /** Constant-time comparison, so timing tells an attacker nothing about the expected value. */
  static boolean matches(String expected, String provided) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), provided.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * SignatureDoesNotMatch with what the server computed, so users can debug their client (spec
   * §9.4). For V4 the canonical request is added as an emulator choice. Logged at DEBUG, never with
   * the secret, an STS token or a signature.
   *
   * @param ec the EC for the signature kind, e.g. 0002-00000040 for a V1 header
   * @param canonicalRequest the V4 canonical request, or null for V1
   */
  static OssException mismatch(
      String accessKeyId,
      String provided,
      String stringToSign,
      String canonicalRequest,
      String ec) {
    LOG.debug(
        "signature mismatch for access key {}: stringToSign={} canonicalRequest={}",
        accessKeyId,
        Redaction.signed(stringToSign),
        Redaction.signed(canonicalRequest));
    OssException.Builder error =
        OssException.of(OssErrorCode.SIGNATURE_DOES_NOT_MATCH)
            .ec(ec)
            .extra("OSSAccessKeyId", accessKeyId)
            .extra("SignatureProvided", provided)
            .extra("StringToSign", HeaderBytes.printable(stringToSign))
            .extra("StringToSignBytes", hexBytes(stringToSign));
    if (canonicalRequest != null) {
      error.extra("CanonicalRequest", HeaderBytes.printable(canonicalRequest));
    }
    return error.build();
  }

  /** spec §9.4: upper-case hex bytes, each followed by a space. */
  static String hexBytes(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : HeaderBytes.encode(value)) {
      out.append(String.format(Locale.ROOT, "%02X ", b & 0xff));
    }
    return out.toString();
  }

  /** A 403 AccessDenied of the signature checker, logged at DEBUG like every auth refusal. */
  /** spec §10.2: an expired presigned URL → AccessDenied (EC 0002-00000069); text UNCONFIRMED. */
  static OssException expired(long expiresEpochSeconds, Instant now) {
    return OssException.of(OssErrorCode.ACCESS_DENIED)
        .message("Request has expired.")
        .ec("0002-00000069")
        .extra("Expires", Instant.ofEpochSecond(expiresEpochSeconds).toString())
        .extra("ServerTime", now.toString())
        .build();
  }

  static OssException denied(String message, String ec) {
    LOG.debug("request denied: {}", message);
    OssException.Builder error = OssException.of(OssErrorCode.ACCESS_DENIED).message(message);
    return (ec == null ? error : error.ec(ec)).build();
  }
}
