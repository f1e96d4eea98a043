package dev.ossemu.request;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an operation answers: status, the headers particular to it and the body. Headers common to
 * every response ({@code Server}, {@code Date}, {@code x-oss-request-id}, {@code Content-Length})
 * are added by the HTTP layer.
 */
public final class OssResponse {
  /** spec §0: every XML body, success or error, is sent as application/xml. */
  public static final String APPLICATION_XML = "application/xml";

  private static final byte[] EMPTY = new byte[0];

  private final int status;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final byte[] body;

  private OssResponse(int status, byte[] body) {
    this.status = status;
    this.body = body;
  }

  /** A response with no body. */
  public static OssResponse empty(int status) {
    return new OssResponse(status, EMPTY);
  }

  /** A response carrying a JSON document (the admin API). */
  public static OssResponse json(int status, byte[] json) {
    return new OssResponse(status, json).header("Content-Type", "application/json");
  }

  /** A response carrying an XML document. */
  public static OssResponse xml(int status, byte[] xml) {
    return new OssResponse(status, xml).header("Content-Type", APPLICATION_XML);
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

  public byte[] body() {
    return body;
  }

  /** The same status and headers without the body, as a HEAD request is answered. */
  public OssResponse withoutBody() {
    OssResponse copy = new OssResponse(status, EMPTY);
    copy.headers.putAll(headers);
    return copy;
  }
}
