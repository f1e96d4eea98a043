package dev.ossemu.http;

import dev.ossemu.error.ErrorRenderer;
import dev.ossemu.error.OssException;
import dev.ossemu.request.OssResponse;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.time.Clock;

/**
 * Answers that end a connection: the OSS error with {@code Connection: close}, then the close. Used
 * where the connection cannot carry another request (the decoder gave up on it, its framing is
 * doubtful, it timed out or is over the connection bound).
 */
final class ErrorReplies {
  private final ErrorRenderer errors;
  private final Clock clock;

  ErrorReplies(ErrorRenderer errors, Clock clock) {
    this.errors = errors;
    this.clock = clock;
  }

  /**
   * Writes {@code error} and closes once it is out.
   *
   * @param request the request it answers, or null when none was read
   */
  ChannelFuture closeWith(ChannelHandlerContext ctx, OssException error, HttpRequest request) {
    long now = clock.millis();
    String requestId = RequestIds.next(now);
    String host = request == null ? "" : request.headers().get(HttpHeaderNames.HOST, "");
    boolean head = request != null && "HEAD".equals(request.method().name());
    FullHttpResponse response;
    try {
      response = toHttp(errors.render(error, requestId, host, head), requestId, now);
    } catch (RuntimeException e) {
      // A header that Netty refuses: the fixed document carries none from the request.
      return closeWithInternalError(ctx, requestId, now, head);
    }
    return ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }

  /** The fixed 500 document, then the close: the one answer that cannot fail. */
  static ChannelFuture closeWithInternalError(
      ChannelHandlerContext ctx, String requestId, long now, boolean head) {
    return ctx.writeAndFlush(toHttp(ErrorRenderer.internalError(requestId, head), requestId, now))
        .addListener(ChannelFutureListener.CLOSE);
  }

  /** {@link #closeWithInternalError} once it is the request's turn in its {@link ResponseOrder}. */
  static ResponseOrder.Answer internalErrorInTurn(
      ChannelHandlerContext ctx, String requestId, long now, boolean head) {
    return new ResponseOrder.Answer() {
      @Override
      public void write() {
        closeWithInternalError(ctx, requestId, now, head);
      }

      @Override
      public void discard() {
        // nothing held
      }
    };
  }

  /** Always HTTP/1.1: the request's own version may be the one refused. */
  static FullHttpResponse toHttp(OssResponse response, String requestId, long now) {
    FullHttpResponse http =
        HttpResponses.toHttp(response, HttpVersion.HTTP_1_1, requestId, now, false);
    http.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    return http;
  }
}
