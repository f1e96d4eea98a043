package dev.ossemu.admin;

import dev.ossemu.request.OssRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who may call the admin API. Reset deletes data, {@code sts/credentials} mints working keys for
 * any RAM user and faults take the emulator down, so every call but health needs authorisation: the
 * bearer token when there is one, else proof that the caller is a program on this machine and not a
 * web page open in the developer's browser (SECURITY.md).
 */
final class AdminAccess {
  /** What every refusal without a token ends with. */
  private static final String HOW_TO_SET_A_TOKEN =
      "; or start the emulator with --admin-token TOKEN (or OSS_EMULATOR_ADMIN_TOKEN=TOKEN) and"
          + " send Authorization: Bearer TOKEN";

  private static final String BEARER = "Bearer ";
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  /**
   * Why a call was refused.
   *
   * @param status 401 for a missing or wrong token, 403 for a failed loopback rule
   * @param rule the rule that failed: {@code token}, {@code bind}, {@code peer}, {@code host},
   *     {@code origin} or {@code content-type}
   */
  record Refusal(int status, String rule, String message) {}

  private final byte[] expected;
  private final boolean loopbackBind;
  private final String bindHost;

  /**
   * @param token the bearer token required, or null for the loopback rules
   * @param bindHost the address the emulator is bound to, as configured
   */
  AdminAccess(String token, String bindHost) {
    this.expected = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    this.bindHost = unbracket(bindHost.toLowerCase(Locale.ROOT));
    this.loopbackBind = isLoopbackHost(bindHost);
  }

  /**
   * Whether a host name or literal means this machine only. A name is resolved (at start, never per
   * request) and counts only when every address it has is loopback.
   */
  static boolean isLoopbackHost(String host) {
    String name = unbracket(host.toLowerCase(Locale.ROOT));
    if (name.equals("localhost")) {
      return true;
    }
    try {
      InetAddress[] addresses = InetAddress.getAllByName(name);
      for (InetAddress address : addresses) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return addresses.length > 0;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * The refusal of a call, or null when it may go on.
   *
   * @param peer the caller's address, or null when unknown (then it is not trusted)
   */
  Refusal check(OssRequest request, InetAddress peer) {
    if (expected != null) {
      return bearerMatches(request.headers().get("authorization"))
          ? null
          : new Refusal(401, "token", "send Authorization: Bearer <admin token>");
    }
    if (!loopbackBind) {
      return refuse("bind", "the emulator is not bound to a loopback address");
    }
    if (peer == null || !peer.isLoopbackAddress()) {
      return refuse("peer", "the caller is not on this machine (its address is not loopback)");
    }
    if (!isLocalHostHeader(request.headers().get("host"))) {
      return refuse(
          "host",
          "the Host header must name localhost, a loopback IP or "
              + bindHost
              + " (a guard against DNS rebinding)");
    }
    String origin = request.headers().get("origin");
    if (origin != null && !origin.equalsIgnoreCase("http://" + request.host())) {
      return refuse("origin", "a request from another origin (a web page) may not call it");
    }
    if (!sendsJson(request)) {
      return refuse(
          "content-type", "a request with a body or a Content-Type must send application/json");
    }
    return null;
  }

  /** RFC 9110 §11.1: the scheme is case-insensitive; the token is compared in constant time. */
  private boolean bearerMatches(String header) {
    String sent = header == null ? "" : header.trim();
    if (sent.length() <= BEARER.length()
        || !sent.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return false;
    }
    // Constant time, so timing tells nothing about how much of a guess was right.
    byte[] token = sent.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, token);
  }

  private static Refusal refuse(String rule, String why) {
    return new Refusal(403, rule, "the admin API refused this call: " + why + HOW_TO_SET_A_TOKEN);
  }

  /** The DNS-rebinding guard: a literal check, never a lookup of a name the caller chose. */
  private boolean isLocalHostHeader(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    String name = unbracket(stripPort(host.trim().toLowerCase(Locale.ROOT)));
    if (name.equals("localhost") || name.equals(bindHost)) {
      return true;
    }
    if (!IPV4.matcher(name).matches() && !IPV6.matcher(name).matches()) {
      return false;
    }
    try {
      return InetAddress.getByName(name).isLoopbackAddress(); // a literal: no lookup
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * A browser sends text/plain, form data or multipart cross-site without asking first; {@code
   * application/json} needs a preflight, which the admin API never answers.
   */
  private static boolean sendsJson(OssRequest request) {
    String type = request.headers().get("content-type");
    if (type == null) {
      return !hasBody(request);
    }
    return type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT).equals("application/json");
  }

  private static boolean hasBody(OssRequest request) {
    String length = request.headers().get("content-length");
    return request.body().length > 0
        || request.headers().contains("transfer-encoding")
        || (length != null && !length.trim().equals("0"));
  }

  private static String stripPort(String host) {
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      return close < 0 ? host : host.substring(0, close + 1);
    }
    int colon = host.indexOf(':');
    // More than one colon is a bare IPv6 literal, which has no port.
    return colon >= 0 && colon == host.lastIndexOf(':') ? host.substring(0, colon) : host;
  }

  private static String unbracket(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
