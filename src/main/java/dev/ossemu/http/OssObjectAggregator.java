package dev.ossemu.http;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.request.OssResponse;
import dev.ossemu.service.OssService;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import java.time.Clock;

/**
 * Aggregates request bodies up to a fixed limit. Past it the client gets an OSS {@code
 * EntityTooLarge} error instead of Netty's bare 413, without the rest of the body ever being
 * buffered; an announced oversize body with {@code Expect: 100-continue} is refused before it is
 * sent.
 */
public final class OssObjectAggregator extends HttpObjectAggregator {
  private final OssService service;
  private final Clock clock;

  public OssObjectAggregator(int maxContentLength, OssService service, Clock clock) {
    super(maxContentLength);
    this.service = service;
    this.clock = clock;
  }

  @Override
  protected Object newContinueResponse(
      HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
    if (HttpUtil.is100ContinueExpected(start) && isContentLengthInvalid(start, maxContentLength)) {
      // A client-error answer makes the aggregator skip the body the client may still send.
      return tooLarge(start, HttpUtil.isKeepAlive(start));
    }
    return super.newContinueResponse(start, maxContentLength, pipeline);
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    if (!(oversized instanceof HttpRequest)) {
      ctx.close();
      return;
    }
    // Body bytes already on the wire cannot be skipped reliably unless the connection stays in
    // step, which needs keep-alive; as Netty's own handler, close otherwise.
    boolean close =
        oversized instanceof FullHttpMessage
            || (!HttpUtil.is100ContinueExpected(oversized) && !HttpUtil.isKeepAlive(oversized));
    ctx.writeAndFlush(tooLarge(oversized, !close))
        .addListener(close ? ChannelFutureListener.CLOSE : ChannelFutureListener.CLOSE_ON_FAILURE);
  }

  private Object tooLarge(HttpMessage request, boolean keepAlive) {
    long now = clock.millis();
    String requestId = RequestIds.next(now);
    String host = request.headers().get("host", "");
    boolean head = request instanceof HttpRequest r && "HEAD".equals(r.method().name());
    OssResponse error =
        service
            .errors()
            .render(OssException.of(OssErrorCode.ENTITY_TOO_LARGE).build(), requestId, host, head);
    return HttpResponses.toHttp(error, request.protocolVersion(), requestId, now, keepAlive);
  }
}
