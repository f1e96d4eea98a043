package dev.ossemu.http;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.util.List;

/**
 * Decides, right after the decoder, whether a request can be read safely at all. A request the
 * decoder gave up on, one with another HTTP version than 1.0/1.1, too many headers, a
 * Transfer-Encoding other than {@code chunked} (400 NotImplemented, as OSS answers a header it does
 * not implement) or an {@code Expect} other than {@code 100-continue} is answered with its OSS
 * error and {@code Connection: close}, and the connection is closed: after such a request nobody
 * can tell where the next one starts, and guessing is how requests get smuggled. Everything that
 * arrives after the rejection is dropped.
 *
 * <p>Requests that pass are normalised: an absolute-form target becomes its path (RFC 9112 §3.2.2),
 * and a request with both Content-Length and {@code Transfer-Encoding: chunked} is read as chunked
 * with the Content-Length ignored and the connection closed after the answer (RFC 9112 §6.1). The
 * ali-oss SDK sends exactly that for {@code put(stream, {headers: {'Content-Length': n}})}.
 */
public final class RequestGuard extends ChannelInboundHandlerAdapter {
  /** Bound on header lines per request; OSS SDK requests carry about ten. */
  public static final int MAX_HEADER_LINES = 100;

  private final ErrorReplies replies;
  private HttpRequest current;
  private boolean rejected;

  RequestGuard(ErrorReplies replies) {
    this.replies = replies;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (rejected) {
      ReferenceCountUtil.release(msg);
      return;
    }
    OssException refusal = null;
    if (msg instanceof HttpRequest request) {
      current = request;
      refusal = refusal(request);
    } else if (msg instanceof HttpContent content && content.decoderResult().isFailure()) {
      refusal = decoderFailure(content.decoderResult()); // e.g. an invalid chunk size
    }
    if (refusal != null) {
      rejected = true;
      ReferenceCountUtil.release(msg);
      replies.closeWith(ctx, refusal, current);
      return;
    }
    if (msg instanceof HttpRequest request) {
      normalise(request);
    }
    ctx.fireChannelRead(msg);
  }

  /** Why {@code request} cannot be read, or null when it can. */
  static OssException refusal(HttpRequest request) {
    if (request.decoderResult().isFailure()) {
      return decoderFailure(request.decoderResult());
    }
    HttpVersion version = request.protocolVersion();
    if (!version.equals(HttpVersion.HTTP_1_1) && !version.equals(HttpVersion.HTTP_1_0)) {
      return OssException.of(OssErrorCode.HTTP_VERSION_NOT_SUPPORTED).build();
    }
    HttpHeaders headers = request.headers();
    if (headers.size() > MAX_HEADER_LINES) {
      return invalid("The request has too many headers.");
    }
    List<String> encodings = headers.getAll(HttpHeaderNames.TRANSFER_ENCODING);
    if (!encodings.isEmpty()
        && !(encodings.size() == 1
            && HttpHeaderValues.CHUNKED.contentEqualsIgnoreCase(encodings.get(0).trim()))) {
      return OssException.of(OssErrorCode.HEADER_NOT_IMPLEMENTED)
          .extra("Header", "Transfer-Encoding")
          .build();
    }
    if (unsupportedExpectation(request)) {
      return OssException.of(OssErrorCode.EXPECTATION_FAILED).build();
    }
    if (!validAuthority(request.uri())) {
      return invalid("The request target is not a valid URI.");
    }
    return null;
  }

  /**
   * An absolute-form target's authority becomes the Host header (see {@link #normalise}), so it
   * must be a valid header value: visible ASCII only (RFC 3986 §3.2), never a control character.
   */
  private static boolean validAuthority(String uri) {
    if (!isAbsoluteForm(uri)) {
      return true;
    }
    int authority = uri.indexOf("//") + 2;
    int end = indexOfAny(uri, authority);
    for (int i = authority; i < end; i++) {
      char c = uri.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAbsoluteForm(String uri) {
    return uri.regionMatches(true, 0, "http://", 0, 7)
        || uri.regionMatches(true, 0, "https://", 0, 8);
  }

  /**
   * RFC 9110 §10.1.1: {@code 100-continue} is the only expectation; HTTP/1.0 has none, so its
   * {@code Expect} is ignored.
   */
  private static boolean unsupportedExpectation(HttpRequest request) {
    List<String> expect = request.headers().getAll(HttpHeaderNames.EXPECT);
    if (expect.isEmpty() || request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
      return false;
    }
    return expect.size() > 1 || !HttpUtil.is100ContinueExpected(request);
  }

  private static OssException decoderFailure(DecoderResult result) {
    return invalid(
        result.cause() instanceof TooLongFrameException
            ? "The request line or headers are too long."
            : "The request is not a valid HTTP request.");
  }

  private static OssException invalid(String message) {
    return OssException.of(OssErrorCode.INVALID_REQUEST).message(message).build();
  }

  private static void normalise(HttpRequest request) {
    HttpHeaders headers = request.headers();
    if (headers.contains(HttpHeaderNames.TRANSFER_ENCODING)) {
      // The decoder reads the body as chunked; a Content-Length beside it is a lie or a smuggling
      // attempt, and HTTP/1.0 knows no chunking: either way the connection ends with this answer.
      if (headers.contains(HttpHeaderNames.CONTENT_LENGTH)
          || request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
        headers.remove(HttpHeaderNames.CONTENT_LENGTH);
        headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      }
    }
    String uri = request.uri();
    if (isAbsoluteForm(uri)) {
      int authority = uri.indexOf("//") + 2;
      int path = indexOfAny(uri, authority);
      // RFC 9112 §3.2.2: the target's authority replaces the Host header.
      headers.set(HttpHeaderNames.HOST, uri.substring(authority, path));
      String rest = uri.substring(path);
      request.setUri(rest.isEmpty() || rest.charAt(0) == '?' ? "/" + rest : rest);
    }
  }

  /** Where the authority starting at {@code from} ends: at a '/', a '?' or the end. */
  private static int indexOfAny(String uri, int from) {
    for (int i = from; i < uri.length(); i++) {
      char c = uri.charAt(i);
      if (c == '/' || c == '?') {
        return i;
      }
    }
    return uri.length();
  }
}
