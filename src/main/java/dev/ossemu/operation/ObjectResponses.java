package dev.ossemu.operation;

import dev.ossemu.object.OssObject;
import dev.ossemu.request.OssResponse;
import dev.ossemu.request.QueryParameters;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The headers OSS sends about an object on GetObject, HeadObject and the uploads. */
final class ObjectResponses {
  static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  /** {@code response-*} query parameters of GetObject and the headers they override. */
  private static final Map<String, String> OVERRIDES =
      Map.of(
          "response-content-type", "Content-Type",
          "response-content-language", "Content-Language",
          "response-expires", "Expires",
          "response-cache-control", "Cache-Control",
          "response-content-disposition", "Content-Disposition",
          "response-content-encoding", "Content-Encoding");

  private ObjectResponses() {}

  /** ETag, CRC-64 and encryption: what every upload answer carries (spec §8a). */
  static OssResponse uploaded(OssResponse response, OssObject object) {
    response.header("ETag", object.etag());
    response.header("x-oss-hash-crc64ecma", object.blob().crc64());
    encryption(response, object);
    return response;
  }

  static void encryption(OssResponse response, OssObject object) {
    if (object.encryption() != null) {
      Map<String, String> headers = new LinkedHashMap<>();
      object.encryption().writeTo(headers);
      headers.forEach(response::header);
    }
  }

  /** Everything GetObject and HeadObject report, with {@code response-*} overrides applied. */
  static OssResponse describe(OssResponse response, OssObject object, QueryParameters query) {
    Map<String, String> headers = new LinkedHashMap<>(object.headers());
    OVERRIDES.forEach(
        (parameter, header) -> {
          String value = query.get(parameter);
          if (value != null) {
            headers.put(header, value);
          }
        });
    headers.forEach(response::header);
    object.userMetadata().forEach(response::header);
    response.header("Last-Modified", HTTP_DATE.format(object.lastModified()));
    response.header("Accept-Ranges", "bytes");
    response.header("x-oss-object-type", object.type());
    response.header("x-oss-storage-class", object.storageClass());
    wholeObjectChecks(response, object);
    return uploaded(response, object);
  }

  /**
   * What OSS adds about the whole object: a simply uploaded (Normal) object carries its {@code
   * Content-MD5}, except on a range answer, whose body it would not describe; an Appendable object
   * carries the position the next append must give (ali-oss and oss2 read it from HEAD and GET).
   */
  private static void wholeObjectChecks(OssResponse response, OssObject object) {
    if ("Normal".equals(object.type()) && response.status() == 200) {
      response.header("Content-MD5", Base64.getEncoder().encodeToString(object.blob().md5()));
    }
    if (response.status() != 200) {
      // A sequential upload's stored Content-MD5 (SequentialUpload) describes the whole body too.
      response.withoutHeader("Content-MD5");
    }
    if ("Appendable".equals(object.type())) {
      response.header("x-oss-next-append-position", String.valueOf(object.size()));
    }
  }

  static String httpDate(Instant instant) {
    return HTTP_DATE.format(instant);
  }
}
