package dev.ossemu.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A V1-signing OSS client written from the OSS documentation alone (it shares no code with the
 * emulator's verifier), for behaviours no SDK of the test classpath can show: control characters in
 * keys, raw XML answers. Path style; one request per connection.
 */
public final class WireClient {
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private final int port;
  private final String accessKeyId;
  private final String secret;
  private final Clock clock;

  public WireClient(int port, String accessKeyId, String secret) {
    this(port, accessKeyId, secret, Clock.systemUTC());
  }

  /** A client whose Date comes from {@code clock}, the emulator's own. */
  public WireClient(int port, String accessKeyId, String secret, Clock clock) {
    this.port = port;
    this.accessKeyId = accessKeyId;
    this.secret = secret;
    this.clock = clock;
  }

  /** An answer: status, headers by lower-case name, body. */
  public record Reply(int status, Map<String, String> headers, byte[] body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /**
   * Sends a signed request.
   *
   * @param bucket the bucket, or null for the service
   * @param key the object key, raw (percent-encoded here), or empty
   * @param subResource the signed sub-resource query such as {@code uploads} or {@code
   *     uploadId=X&partNumber=1}, or empty
   * @param otherQuery query parameters that are not signed, such as {@code encoding-type=url}
   */
  public Reply send(
      String method,
      String bucket,
      String key,
      String subResource,
      String otherQuery,
      Map<String, String> extraHeaders,
      byte[] body) {
    String date = HTTP_DATE.format(clock.instant());
    Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
    headers.put("Date", date);
    String resource =
        "/"
            + (bucket == null ? "" : bucket + "/" + key)
            + (subResource.isEmpty() ? "" : "?" + subResource);
    StringBuilder toSign = new StringBuilder();
    toSign.append(method).append('\n');
    toSign.append(headers.getOrDefault("Content-MD5", "")).append('\n');
    toSign.append(headers.getOrDefault("Content-Type", "")).append('\n');
    toSign.append(date).append('\n');
    Map<String, String> ossHeaders = new TreeMap<>();
    headers.forEach(
        (name, value) -> {
          String lower = name.toLowerCase(Locale.ROOT);
          if (lower.startsWith("x-oss-")) {
            ossHeaders.put(lower, value.trim());
          }
        });
    ossHeaders.forEach((name, value) -> toSign.append(name).append(':').append(value).append('\n'));
    toSign.append(resource);
    headers.put("Authorization", "OSS " + accessKeyId + ":" + hmacSha1(toSign.toString()));
    String query =
        subResource.isEmpty()
            ? otherQuery
            : otherQuery.isEmpty() ? subResource : subResource + "&" + otherQuery;
    String path = "/" + (bucket == null ? "" : bucket + "/" + encode(key));
    return exchange(method, path + (query.isEmpty() ? "" : "?" + query), headers, body);
  }

  public Reply send(String method, String bucket, String key, String subResource) {
    return send(method, bucket, key, subResource, "", Map.of(), new byte[0]);
  }

  private String hmacSha1(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Percent-encodes a key byte by byte, leaving the unreserved characters and '/'. */
  public static String encode(String key) {
    StringBuilder out = new StringBuilder();
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-_.~/".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xFF));
      }
    }
    return out.toString();
  }

  private Reply exchange(String method, String target, Map<String, String> headers, byte[] body) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      StringBuilder head = new StringBuilder();
      head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
      head.append("Host: 127.0.0.1:").append(port).append("\r\n");
      headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      head.append("Content-Length: ").append(body.length).append("\r\n");
      head.append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.UTF_8));
      out.write(body);
      out.flush();
      return parse(socket.getInputStream().readAllBytes(), method.equals("HEAD"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Reply parse(byte[] raw, boolean head) throws IOException {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IOException("no complete answer: " + text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    byte[] rest = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    if (head) {
      return new Reply(status, headers, new byte[0]);
    }
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      rest = dechunk(rest);
    }
    return new Reply(status, headers, rest);
  }

  private static byte[] dechunk(byte[] chunked) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InputStream in = new java.io.ByteArrayInputStream(chunked);
    while (true) {
      StringBuilder size = new StringBuilder();
      int c;
      while ((c = in.read()) != '\n') {
        if (c < 0) {
          throw new IOException("truncated chunk");
        }
        if (c != '\r') {
          size.append((char) c);
        }
      }
      int length = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
      if (length == 0) {
        return out.toByteArray();
      }
      out.write(in.readNBytes(length));
      in.skip(2);
    }
  }
}
