package dev.ossemu.auth;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.request.OssRequest;
import dev.ossemu.request.QueryParameters;
import java.util.List;

/**
 * The signing inputs that must come once. Given twice, "the first wins" here while a proxy or a
 * cache in front may believe the last: two readers of one request disagree on who signed it and
 * when. So a repeat is refused, as a careful server refuses a repeated Content-Length.
 */
final class SingleValued {
  /** Issue 12 §5: the headers a signature or its time rests on. */
  private static final List<String> HEADERS =
      List.of(
          "Authorization", "Date", "x-oss-date", "x-oss-security-token", "x-oss-content-sha256");

  /** spec §10.2, §10.4: the query parameters of a presigned URL. */
  private static final List<String> PARAMETERS =
      List.of(
          "OSSAccessKeyId",
          "Expires",
          "Signature",
          "security-token",
          "x-oss-signature-version",
          "x-oss-credential",
          "x-oss-date",
          "x-oss-expires",
          "x-oss-additional-headers",
          "x-oss-security-token",
          "x-oss-signature");

  private SingleValued() {}

  /**
   * @throws OssException 400 InvalidArgument naming the repeated header or parameter
   */
  static void check(OssRequest request) {
    for (String name : HEADERS) {
      if (request.headers().count(name) > 1) {
        throw repeated("The request has more than one " + name + " header.", name);
      }
    }
    QueryParameters query = request.query();
    for (String name : PARAMETERS) {
      if (count(query, name) > 1) {
        throw repeated("The request has more than one " + name + " parameter.", name);
      }
    }
  }

  private static int count(QueryParameters query, String name) {
    int count = 0;
    for (QueryParameters.Parameter parameter : query.all()) {
      if (parameter.name().equals(name)) {
        count++;
      }
    }
    return count;
  }

  /** The value is not echoed: for Authorization or a token it is a credential. */
  private static OssException repeated(String message, String name) {
    return OssException.of(OssErrorCode.INVALID_ARGUMENT)
        .message(message)
        .extra("ArgumentName", name)
        .build();
  }
}
