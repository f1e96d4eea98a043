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
   * Absent headers and a query without presigning parameters cost no allocation: this runs on every
   * signed request (issue 15).
   *
   * @throws OssException 400 InvalidArgument naming the repeated header or parameter
   */
  static void check(OssRequest request) {
    for (int i = 0; i < HEADERS.size(); i++) {
      String name = HEADERS.get(i);
      if (request.headers().contains(name) && request.headers().count(name) > 1) {
        throw repeated("The request has more than one " + name + " header.", name);
      }
    }
    // One pass over the query, one bit per presigning parameter seen once and one per repeat;
    // the first repeated one in PARAMETERS' order is named, as a count per name had it.
    List<QueryParameters.Parameter> query = request.query().all();
    int seen = 0;
    int repeated = 0;
    for (int i = 0; i < query.size(); i++) {
      int index = PARAMETERS.indexOf(query.get(i).name());
      if (index >= 0) {
        repeated |= seen & (1 << index);
        seen |= 1 << index;
      }
    }
    if (repeated != 0) {
      String name = PARAMETERS.get(Integer.numberOfTrailingZeros(repeated));
      throw repeated("The request has more than one " + name + " parameter.", name);
    }
  }

  /** The value is not echoed: for Authorization or a token it is a credential. */
  private static OssException repeated(String message, String name) {
    return OssException.of(OssErrorCode.INVALID_ARGUMENT)
        .message(message)
        .extra("ArgumentName", name)
        .build();
  }
}
