package dev.ossemu.testing;

import dev.ossemu.auth.SignatureV1;
import dev.ossemu.request.Headers;
import dev.ossemu.request.QueryParameters;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Builds raw HTTP/1.1 request bytes, optionally V1-signed, for pipeline tests. Path style on {@code
 * 127.0.0.1}; the bucket is the first path segment.
 */
public final class RawRequest {
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private final String method;
  private final String target;
  private String version = "HTTP/1.1";
  private final Map<String, String> headers = new LinkedHashMap<>();
  private byte[] body = new byte[0];

  private RawRequest(String method, String target) {
    this.method = method;
    this.target = target;
    headers.put("Host", "127.0.0.1:9000");
  }

  public static RawRequest of(String method, String target) {
    return new RawRequest(method, target);
  }

  public RawRequest version(String httpVersion) {
    this.version = httpVersion;
    return this;
  }

  public RawRequest header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public RawRequest body(String xml) {
    this.body = xml.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  public RawRequest body(byte[] bytes) {
    this.body = bytes.clone();
    return this;
  }

  /** Adds {@code Date} from the clock and a V1 Authorization for the given key. */
  public RawRequest signV1(String accessKeyId, String secret, Clock clock) {
    String date = HTTP_DATE.format(clock.instant());
    headers.put("Date", date);
    Headers signed = new Headers();
    headers.forEach(signed::add);
    int question = target.indexOf('?');
    String path = question < 0 ? target : target.substring(0, question);
    String query = question < 0 ? "" : target.substring(question + 1);
    String[] segments = path.substring(1).split("/", 2);
    String bucket = segments[0].isEmpty() ? null : segments[0];
    String key = segments.length > 1 ? segments[1] : "";
    String resource =
        SignatureV1.canonicalizedResource(
            bucket, key, QueryParameters.parse(query), dev.ossemu.request.SubResources::isListed);
    String stringToSign = SignatureV1.stringToSign(method, signed, date, resource);
    headers.put(
        "Authorization", "OSS " + accessKeyId + ":" + SignatureV1.sign(secret, stringToSign));
    return this;
  }

  public RawRequest signV1(Clock clock) {
    return signV1(TestService.ACCESS_KEY_ID, TestService.SECRET, clock);
  }

  /** The bytes on the wire; Content-Length is added when there is a body or the method is PUT. */
  public byte[] bytes() {
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(target).append(' ').append(version).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    if (body.length > 0 || method.equals("PUT") || method.equals("POST")) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
    out.writeBytes(body);
    return out.toByteArray();
  }
}
