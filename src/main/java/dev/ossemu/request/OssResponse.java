package dev.ossemu.request;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an operation answers: status, the headers particular to it and the body. Headers common to
 * every response ({@code Server}, {@code Date}, {@code x-oss-request-id}, {@code Content-Length})
 * are added by the HTTP layer. An object body is a list of read-only slices of stored chunks, so it
 * is never copied on its way out.
 */
public final class OssResponse {
  /** spec §0: every XML body, success or error, is sent as application/xml. */
  public static final String APPLICATION_XML = "application/xml";

  private final int status;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final List<ByteBuffer> content;
  private final long contentLength;

  private OssResponse(int status, List<ByteBuffer> content, long contentLength) {
    this.status = status;
    this.content = List.copyOf(content);
    this.contentLength = contentLength;
  }

  /** A response with no body. */
  public static OssResponse empty(int status) {
    return new OssResponse(status, List.of(), 0);
  }

  /** A response carrying an XML document. */
  public static OssResponse xml(int status, byte[] xml) {
    return bytes(status, xml).header("Content-Type", APPLICATION_XML);
  }

  /** A response carrying a JSON document (the admin API). */
  public static OssResponse json(int status, byte[] json) {
    return bytes(status, json).header("Content-Type", "application/json");
  }

  private static OssResponse bytes(int status, byte[] body) {
    return new OssResponse(status, List.of(ByteBuffer.wrap(body)), body.length);
  }

  /** A response streaming object bytes. */
  public static OssResponse stream(int status, List<ByteBuffer> slices, long length) {
    return new OssResponse(status, slices, length);
  }

  /** The headers of an object without its body, as HEAD answers: Content-Length is its size. */
  public static OssResponse head(int status, long length) {
    return new OssResponse(status, List.of(), length);
  }

  public OssResponse header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public int status() {
    return status;
  }

  public Map<String, String> headers() {
    return Collections.unmodifiableMap(headers);
  }

  /** The body slices, read-only; each call returns fresh views. */
  public List<ByteBuffer> content() {
    if (content.size() == 1) {
      return List.of(content.get(0).duplicate()); // a document: no stream machinery
    }
    List<ByteBuffer> views = new java.util.ArrayList<>(content.size());
    for (ByteBuffer slice : content) {
      views.add(slice.duplicate());
    }
    return views;
  }

  /** The Content-Length to announce: the body's length, or the object's size for HEAD. */
  public long contentLength() {
    return contentLength;
  }

  /** The body as one array; meant for small documents and tests. */
  public byte[] body() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (ByteBuffer slice : content()) {
      byte[] bytes = new byte[slice.remaining()];
      slice.get(bytes);
      out.writeBytes(bytes);
    }
    return out.toByteArray();
  }

  /**
   * The same status and headers without the body, as a HEAD request is answered. An object's
   * announced size stays; a document's length does not (OSS sends HEAD errors with no length).
   */
  public OssResponse withoutBody() {
    OssResponse copy = new OssResponse(status, List.of(), content.isEmpty() ? contentLength : 0);
    copy.headers.putAll(headers);
    return copy;
  }
}
