package dev.ossemu.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of what the server wrote: a sequence of HTTP/1.1 responses, each with a valid
 * status line, token header names, values free of control characters, and a Content-Length that
 * frames the body exactly. Anything else is reported as not well-formed.
 */
final class WireResponses {
  private static final Pattern STATUS = Pattern.compile("HTTP/1\\.[01] (\\d{3}) [^\\r\\n]*");
  private static final Pattern HEADER = Pattern.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+): ?(.*)");

  /** One response: status, headers (lower-case names) and body. */
  record Response(int status, Map<String, String> headers, String body) {}

  private WireResponses() {}

  /**
   * @param headRequest whether the requests were HEAD: their answers carry no body even where
   *     Content-Length says otherwise
   * @throws IllegalArgumentException when the bytes are not a sequence of well-formed responses
   */
  static List<Response> parse(byte[] wire, boolean headRequest) {
    List<Response> responses = new ArrayList<>();
    int at = 0;
    while (at < wire.length) {
      int end = indexOf(wire, at);
      if (end < 0) {
        throw new IllegalArgumentException("a response head without its end at " + at);
      }
      String head = new String(wire, at, end - at, StandardCharsets.ISO_8859_1);
      String[] lines = head.split("\r\n", -1);
      Matcher status = STATUS.matcher(lines[0]);
      if (!status.matches()) {
        throw new IllegalArgumentException("bad status line: " + lines[0]);
      }
      Map<String, String> headers = headers(lines);
      at = end + 4;
      int code = Integer.parseInt(status.group(1));
      if (code < 200) {
        continue; // 100 Continue has no body
      }
      String length = headers.get("content-length");
      if ((code == 204 || code == 304) && length == null) {
        length = "0"; // RFC 9110 §8.6: these never have a body
      }
      if (length == null || !length.matches("\\d{1,12}")) {
        throw new IllegalArgumentException("no valid Content-Length: " + head);
      }
      int bodyLength = Integer.parseInt(length);
      boolean bodyless = headRequest && (at == wire.length || startsWith(wire, at, "HTTP/1."));
      if (bodyless) {
        bodyLength = 0;
      }
      if (at + bodyLength > wire.length) {
        throw new IllegalArgumentException("body shorter than its Content-Length: " + head);
      }
      String body = new String(wire, at, bodyLength, StandardCharsets.UTF_8);
      at += bodyLength;
      responses.add(new Response(code, headers, body));
    }
    return responses;
  }

  private static Map<String, String> headers(String[] lines) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      Matcher header = HEADER.matcher(lines[i]);
      if (!header.matches() || header.group(2).chars().anyMatch(c -> c < 0x20 && c != '\t')) {
        throw new IllegalArgumentException("bad header line: " + lines[i]);
      }
      headers.put(header.group(1).toLowerCase(Locale.ROOT), header.group(2));
    }
    return headers;
  }

  private static int indexOf(byte[] wire, int from) {
    for (int i = from; i + 3 < wire.length; i++) {
      if (wire[i] == '\r' && wire[i + 1] == '\n' && wire[i + 2] == '\r' && wire[i + 3] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWith(byte[] wire, int at, String prefix) {
    byte[] bytes = prefix.getBytes(StandardCharsets.US_ASCII);
    if (at + bytes.length > wire.length) {
      return false;
    }
    for (int i = 0; i < bytes.length; i++) {
      if (wire[at + i] != bytes[i]) {
        return false;
      }
    }
    return true;
  }
}
