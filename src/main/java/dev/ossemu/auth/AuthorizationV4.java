package dev.ossemu.auth;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The parsed V4 {@code Authorization} header. Fields are comma-separated {@code key=value} pairs in
 * any order, spaces allowed around them: JAVA1/GO2/NODE write {@code ,} and AdditionalHeaders
 * before Signature, PY writes {@code , } and puts it after (spec §10.3). A field given twice is
 * refused rather than one of them believed.
 */
record AuthorizationV4(
    String accessKeyId,
    String date,
    String region,
    String product,
    List<String> additionalHeaders,
    String signature) {

  static final String PREFIX = SignatureV4.ALGORITHM + " ";

  static AuthorizationV4 parse(String header) {
    String credential = null;
    String additional = null;
    String signature = null;
    Set<String> seen = new HashSet<>();
    for (String field : header.substring(PREFIX.length()).split(",", -1)) {
      String trimmed = field.trim();
      int eq = trimmed.indexOf('=');
      if (eq <= 0) {
        throw invalid("Authorization header is invalid.", null);
      }
      String value = trimmed.substring(eq + 1).trim();
      String name = trimmed.substring(0, eq).trim();
      if (!seen.add(name)) {
        // Never "the last one wins": DOC EC 0002-00000202 allows two or three fields, each once.
        throw invalid("Authorization header is invalid.", "0002-00000202");
      }
      switch (name) {
        case "Credential" -> credential = value;
        case "AdditionalHeaders" -> additional = value;
        case "Signature" -> signature = value;
        default -> throw invalid("Authorization header is invalid.", null);
      }
    }
    if (credential == null || signature == null || signature.isEmpty()) {
      throw invalid("AccessKeyId or Signature is missing in Authorization header value.", null);
    }
    String[] scope = credential.split("/", -1);
    if (scope.length != 5
        || scope[0].isEmpty()
        || scope[1].length() != 8
        || !SignatureV4.TERMINATOR.equals(scope[4])) {
      throw invalid("Invalid credential in Authorization header.", null);
    }
    return new AuthorizationV4(
        scope[0], scope[1], scope[2], scope[3], additionalHeaders(additional), signature);
  }

  /** spec §10.3: an empty list or an empty item is an error (EC 0002-00000209/210). */
  private static List<String> additionalHeaders(String value) {
    List<String> names = new ArrayList<>();
    if (value == null) {
      return names;
    }
    if (value.isEmpty()) {
      throw invalid("AdditionalHeaders in Authorization header is empty.", "0002-00000209");
    }
    for (String name : value.split(";", -1)) {
      if (name.trim().isEmpty()) {
        throw invalid(
            "AdditionalHeaders in Authorization header has an empty item.", "0002-00000210");
      }
      names.add(name.trim().toLowerCase(Locale.ROOT));
    }
    return names;
  }

  private static OssException invalid(String message, String ec) {
    return OssException.of(OssErrorCode.INVALID_ARGUMENT).message(message).ec(ec).build();
  }
}
