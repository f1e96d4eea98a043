package dev.ossemu.error;

import dev.ossemu.request.OssRequest;
import dev.ossemu.request.OssResponse;
import dev.ossemu.xml.XmlCodec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only writer of {@code <Error>} (spec §9.2): Code, Message, RequestId, HostId, the code's
 * extra elements in order, then EC; {@code x-oss-ec} as a header. A HEAD response has no body, so
 * the same document goes base64-encoded into {@code x-oss-err}, where every SDK looks for it.
 *
 * <p>Rendering never fails: text echoed from the request is made XML 1.0-safe by {@link ErrorText},
 * and should writing still fail, a fixed {@code InternalError} document goes out instead, so that
 * no request is left without an answer.
 */
public final class ErrorRenderer {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorRenderer.class);

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
    elements.replaceAll((name, value) -> ErrorText.xml10(value));
    byte[] document;
    try {
      document = xml.writeFlat("Error", elements);
    } catch (RuntimeException e) {
      LOG.warn("cannot render the {} error document: {}", error.code(), e.toString());
      return internalError(requestId, head);
    }
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

  /**
   * The fixed 500 answer when nothing better can be written: built by hand from our own request id,
   * so that it cannot fail itself.
   */
  public static OssResponse internalError(String requestId, boolean head) {
    String id = requestId != null && requestId.matches("[0-9A-F]{1,64}") ? requestId : "";
    byte[] document =
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>InternalError</Code>"
                + "<Message>"
                + OssErrorCode.INTERNAL_ERROR.defaultMessage()
                + "</Message><RequestId>"
                + id
                + "</RequestId></Error>")
            .getBytes(StandardCharsets.UTF_8);
    OssResponse response = OssResponse.xml(500, document);
    if (head) {
      response.header("x-oss-err", Base64.getEncoder().encodeToString(document));
      return response.withoutBody();
    }
    return response;
  }
}
