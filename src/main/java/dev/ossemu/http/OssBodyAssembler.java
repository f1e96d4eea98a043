package dev.ossemu.http;

import dev.ossemu.blob.BodyStorage;
import dev.ossemu.blob.StorageQuota;
import dev.ossemu.error.OssException;
import dev.ossemu.request.OssResponse;
import dev.ossemu.routing.Resolution;
import dev.ossemu.service.OssService;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * Takes in request bodies as they arrive. An object upload goes chunk by chunk into storage
 * (bounded by the {@link StorageQuota}), a document into a bounded buffer; each network buffer is
 * copied and released at once. Past a bound the client gets an OSS error straight away and the rest
 * of the body is discarded unread; {@code Expect: 100-continue} is answered here. Where the bytes
 * go is the {@link BodyIntake}'s business.
 */
public final class OssBodyAssembler extends ChannelInboundHandlerAdapter {
  private final OssService service;
  private final BodyIntake intake;
  private final Clock clock;
  private final ResponseOrder order;
  private HttpRequest head;
  private long ticket;
  private Resolution resolution;
  private boolean discarding;

  /**
   * @param order the connection's answer order: an early refusal waits there for the answers to
   *     earlier requests
   */
  public OssBodyAssembler(
      OssService service,
      StorageQuota quota,
      int maxDocumentBytes,
      Clock clock,
      ResponseOrder order) {
    this.service = service;
    this.intake = new BodyIntake(quota, maxDocumentBytes);
    this.clock = clock;
    this.order = order;
  }

  /**
   * Writes uploads into {@code storage}; a blocking one (data files) is written on {@code
   * blocking}, the connection's storage thread, never on the event loop.
   */
  public OssBodyAssembler uploadsTo(BodyStorage storage, Executor blocking) {
    intake.uploadsTo(storage, blocking);
    return this;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (msg instanceof HttpRequest request) {
        start(ctx, request);
      }
      if (msg instanceof HttpContent content && head != null) {
        append(ctx, content);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void start(ChannelHandlerContext ctx, HttpRequest request) {
    intake.discard();
    head = request;
    ticket = order.ticket();
    discarding = false;
    if (request.decoderResult().isFailure()) {
      // The decoder skips the rest of such a request: answer it now (InvalidRequest).
      head = null;
      ctx.fireChannelRead(new AssembledRequest(request, null, new byte[0], null, ticket, null));
      return;
    }
    // Resolved once, here: the route says how the body is taken in, and travels on with it.
    resolution =
        service.resolve(request.method().name(), request.headers().get("host", ""), request.uri());
    if (!intake.open(request, resolution.bodyKind())) {
      refuse(ctx, intake.tooLarge());
    } else if (HttpUtil.is100ContinueExpected(request)) {
      order.interim(ticket, () -> sendContinue(ctx, request));
    }
  }

  /**
   * Writes {@code 100 Continue} as raw bytes past the HTTP codec. Both HttpServerKeepAliveHandler
   * (for a request saying Connection: close) and the codec itself (for one with Content-Length and
   * chunked) close the connection after the next complete response they see, a 100 Continue
   * included, and the body and the real answer would never come.
   */
  private static void sendContinue(ChannelHandlerContext ctx, HttpRequest request) {
    ChannelHandlerContext codec = ctx.pipeline().context(HttpServerCodec.class);
    if (codec == null) {
      ctx.writeAndFlush(
          new DefaultFullHttpResponse(request.protocolVersion(), HttpResponseStatus.CONTINUE));
      return;
    }
    String line = request.protocolVersion().text() + " 100 Continue\r\n\r\n";
    codec.writeAndFlush(Unpooled.copiedBuffer(line, StandardCharsets.US_ASCII));
  }

  private void append(ChannelHandlerContext ctx, HttpContent content) {
    if (!discarding) {
      ByteBuf bytes = content.content();
      if (!intake.fits(bytes.readableBytes())) {
        refuse(ctx, intake.tooLarge());
      } else {
        try {
          intake.append(ctx, bytes);
        } catch (OssException e) {
          refuse(ctx, e); // the storage quota is full
        }
      }
    }
    if (content instanceof LastHttpContent) {
      finish(ctx, content);
    }
  }

  private void finish(ChannelHandlerContext ctx, HttpContent last) {
    HttpRequest request = head;
    head = null;
    if (discarding) {
      intake.discard();
      return;
    }
    if (last.decoderResult().isFailure()) {
      request.setDecoderResult(last.decoderResult());
    }
    Resolution resolved = resolution;
    resolution = null;
    ctx.fireChannelRead(intake.assembled(request, resolved, ticket));
  }

  /**
   * Answers with an OSS error before the body is complete. Bytes still on the wire are skipped,
   * which keeps the connection in step for a keep-alive client; otherwise it is closed, as Netty's
   * aggregator does. A client that sent {@code Expect: 100-continue} may never send the body it was
   * refused, so its next bytes could be a request: that connection is closed too.
   */
  private void refuse(ChannelHandlerContext ctx, OssException error) {
    discarding = true;
    intake.discard();
    boolean keepAlive = HttpUtil.isKeepAlive(head) && !HttpUtil.is100ContinueExpected(head);
    long now = clock.millis();
    String requestId = RequestIds.next(now);
    boolean isHead = "HEAD".equals(head.method().name());
    OssResponse response =
        service.errors().render(error, requestId, head.headers().get("host", ""), isHead);
    FullHttpResponse http =
        HttpResponses.toHttp(response, head.protocolVersion(), requestId, now, keepAlive);
    order.complete(
        ticket,
        new ResponseOrder.Answer() {
          @Override
          public void write() {
            ctx.writeAndFlush(http)
                .addListener(
                    keepAlive
                        ? ChannelFutureListener.CLOSE_ON_FAILURE
                        : ChannelFutureListener.CLOSE);
          }

          @Override
          public void discard() {
            http.release();
          }
        });
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    intake.discard();
    super.channelInactive(ctx);
  }
}
