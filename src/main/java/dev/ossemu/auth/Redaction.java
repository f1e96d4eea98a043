package dev.ossemu.auth;

import dev.ossemu.request.PercentCodec;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Takes signatures and security tokens out of text that is written down (the access log, the
 * journal, log lines). A presigned URL is a bearer credential until it expires, and a signature
 * copied from a log can be replayed; an STS token is half a credential. What is left (method, path,
 * access key id, the rest of the query, StringToSign) is what a user needs to debug a client.
 */
public final class Redaction {
  /** What a secret value is replaced with. */
  public static final String REDACTED = "REDACTED";

  /** spec §10.2, §10.4: the query parameters that carry a signature or an STS token. */
  private static final Set<String> SECRET_PARAMETERS =
      Set.of("signature", "x-oss-signature", "security-token", "x-oss-security-token");

  /** {@code name=value} after the start of a line, {@code ?} or {@code &}: a query parameter. */
  private static final Pattern PARAMETER =
      Pattern.compile("(?im)((?:^|[?&])(?:x-oss-)?(?:signature|security-token)=)[^&\\s]*");

  /** spec §10.1, §10.3: the canonical header line of an STS token. */
  private static final Pattern TOKEN_HEADER = Pattern.compile("(?im)^(x-oss-security-token:).*$");

  /** spec §10.3: the V4 header's {@code Signature=} field. */
  private static final Pattern V4_SIGNATURE = Pattern.compile("(Signature=)[^,\\s]*");

  private Redaction() {}

  /** A request target with the values of its secret query parameters replaced. */
  public static String uri(String uri) {
    int question = uri.indexOf('?');
    if (question < 0 || !mentionsSecret(uri, question)) {
      return uri; // every header-signed request: no split, no copy
    }
    StringBuilder out = new StringBuilder(uri.length()).append(uri, 0, question + 1);
    String[] parameters = uri.substring(question + 1).split("&", -1);
    for (int i = 0; i < parameters.length; i++) {
      if (i > 0) {
        out.append('&');
      }
      String parameter = parameters[i];
      int eq = parameter.indexOf('=');
      String name = eq < 0 ? parameter : parameter.substring(0, eq);
      if (eq >= 0 && isSecret(name)) {
        out.append(name).append('=').append(REDACTED);
      } else {
        out.append(parameter);
      }
    }
    return out.toString();
  }

  /**
   * Whether the query may name a secret parameter: it mentions signature or security-token in any
   * case, or has a percent escape (a name may be encoded).
   */
  private static boolean mentionsSecret(String uri, int from) {
    for (int i = from; i < uri.length(); i++) {
      if (uri.charAt(i) == '%'
          || uri.regionMatches(true, i, "signature", 0, 9)
          || uri.regionMatches(true, i, "security-token", 0, 14)) {
        return true;
      }
    }
    return false;
  }

  /** An Authorization header with its signature replaced; the scheme and key id stay. */
  public static String authorization(String header) {
    if (header == null) {
      return null;
    }
    if (header.startsWith(AuthorizationV4.PREFIX)) {
      return V4_SIGNATURE.matcher(header).replaceAll("$1" + REDACTED);
    }
    if (header.startsWith(V1Verifier.HEADER_PREFIX)) {
      int colon = header.lastIndexOf(':');
      return colon < 0 ? header : header.substring(0, colon + 1) + REDACTED;
    }
    int space = header.indexOf(' ');
    return (space < 0 ? "" : header.substring(0, space + 1)) + REDACTED;
  }

  /**
   * A StringToSign or canonical request with STS tokens and any signed-along signature replaced: a
   * V1 CanonicalizedResource carries {@code security-token=}, canonical headers carry {@code
   * x-oss-security-token:}, a V4 canonical query every parameter.
   */
  public static String signed(String text) {
    if (text == null) {
      return null;
    }
    String headers = TOKEN_HEADER.matcher(text).replaceAll("$1" + REDACTED);
    return PARAMETER.matcher(headers).replaceAll("$1" + REDACTED);
  }

  /** Decoded as {@link dev.ossemu.request.QueryParameters} does, so the verifier's name is hit. */
  private static boolean isSecret(String encodedName) {
    String name = PercentCodec.decode(encodedName, true);
    return SECRET_PARAMETERS.contains(name.toLowerCase(Locale.ROOT));
  }
}
