package dev.ossemu.request;

import dev.ossemu.blob.Blob;
import dev.ossemu.blob.BlobBuilder;

/**
 * One HTTP request as the emulator's plain-Java stages see it: no Netty types, the body already
 * copied out of its buffers, the query decoded.
 *
 * @param requestId the {@code x-oss-request-id} this request is answered with
 * @param method the HTTP method, upper case
 * @param rawPath the path as sent, still percent-encoded
 * @param rawQuery the query as sent (without {@code ?}), or the empty string
 * @param query the decoded query parameters
 * @param headers the request headers
 * @param body the request body of a small request (an XML document), never null
 * @param upload the body of an object upload, already in stored chunks, or null
 */
public record OssRequest(
    String requestId,
    String method,
    String rawPath,
    String rawQuery,
    QueryParameters query,
    Headers headers,
    byte[] body,
    Blob upload) {

  /** Splits a request target such as {@code /bucket/?encryption=} into path and query. */
  public static OssRequest of(
      String requestId, String method, String uri, Headers headers, byte[] body) {
    return of(requestId, method, uri, headers, body, null);
  }

  /** A request whose body is an object upload, assembled into stored chunks on arrival. */
  public static OssRequest of(
      String requestId, String method, String uri, Headers headers, byte[] body, Blob upload) {
    int question = uri.indexOf('?');
    String path = question < 0 ? uri : uri.substring(0, question);
    String query = question < 0 ? "" : uri.substring(question + 1);
    return new OssRequest(
        requestId, method, path, query, QueryParameters.parse(query), headers, body, upload);
  }

  /** The object body: the upload, or the small body as a blob. */
  public Blob uploadOrBody() {
    if (upload != null) {
      return upload;
    }
    BlobBuilder builder = new BlobBuilder(null);
    builder.append(body);
    return builder.build();
  }

  /** The request target as it came, for logs and the journal. */
  public String uri() {
    return rawQuery.isEmpty() ? rawPath : rawPath + "?" + rawQuery;
  }

  public boolean isHead() {
    return "HEAD".equals(method);
  }

  /** The Host header the client used, which OSS echoes as {@code HostId} (spec §9.2). */
  public String host() {
    String host = headers.get("host");
    return host == null ? "" : host;
  }
}
