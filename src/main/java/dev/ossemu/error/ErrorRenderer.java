package dev.ossemu.error;

import dev.ossemu.request.OssRequest;
import dev.ossemu.request.OssResponse;
import dev.ossemu.xml.XmlCodec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The only writer of {@code <Error>} (spec §9.2): Code, Message, RequestId, HostId, the code's
 * extra elements in order, then EC; {@code x-oss-ec} as a header. A HEAD response has no body, so
 * the same document goes base64-encoded into {@code x-oss-err}, where every SDK looks for it.
 */
public final class ErrorRenderer {
  private final XmlCodec xml;

  public ErrorRenderer(XmlCodec xml) {
    this.xml = xml;
  }

  /** The OSS error response for {@code error}, answering {@code request}. */
  public OssResponse render(OssException error, OssRequest request) {
    return render(error, request.requestId(), request.host(), request.isHead());
  }

  /**
   * The OSS error response when no parsed request exists (an undecodable or oversized one).
   *
   * @param host the Host header, echoed as HostId
   * @param head whether the request was a HEAD
   */
  public OssResponse render(OssException error, String requestId, String host, boolean head) {
    Map<String, String> elements = new LinkedHashMap<>();
    elements.put("Code", error.code());
    elements.put("Message", error.getMessage());
    elements.put("RequestId", requestId);
    elements.put("HostId", host);
    elements.putAll(error.extras());
    if (error.ec() != null) {
      elements.put("EC", error.ec());
    }
    byte[] document = xml.writeFlat("Error", elements);
    OssResponse response = OssResponse.xml(error.status(), document);
    if (error.ec() != null) {
      response.header("x-oss-ec", error.ec());
    }
    error.headers().forEach(response::header);
    if (head) {
      response.header("x-oss-err", Base64.getEncoder().encodeToString(document));
      return response.withoutBody();
    }
    return response;
  }
}
