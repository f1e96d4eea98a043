package dev.ossemu.http;

import dev.ossemu.error.ErrorRenderer;
import dev.ossemu.request.Headers;
import dev.ossemu.request.OssRequest;
import dev.ossemu.routing.Resolution;
import dev.ossemu.service.OssService;
import dev.ossemu.service.Outcome;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The boundary between Netty and the plain-Java chain. It turns an assembled request (whose body
 * the {@link OssBodyAssembler} already copied out of Netty's buffers) into an {@link OssRequest},
 * asks the {@link OssService}, and writes the answer. Everything is in memory, so it runs on the
 * event loop without blocking it.
 */
public final class OssHttpHandler extends SimpleChannelInboundHandler<AssembledRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(OssHttpHandler.class);

  /** Off unless asked for: per-request logging costs, and most users never read it. */
  private static final Logger ACCESS = LoggerFactory.getLogger("dev.ossemu.access");

  private final OssService service;
  private final Clock clock;
  private final boolean accessLog;
  private final Executor blocking;

  /**
   * @param blocking where to answer when the service may block (durable storage), or null to answer
   *     on the event loop
   */
  public OssHttpHandler(OssService service, Clock clock, boolean accessLog, Executor blocking) {
    this.service = service;
    this.clock = clock;
    this.accessLog = accessLog;
    this.blocking = blocking;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, AssembledRequest assembled) {
    if (blocking == null) {
      respond(ctx, assembled);
      return;
    }
    try {
      blocking.execute(() -> respond(ctx, assembled));
    } catch (RejectedExecutionException e) {
      // Shutting down: the request is never answered, and its body is stored nowhere.
      assembled.release();
      ctx.close();
    }
  }

  /**
   * Answers, then gives back the request's reference to its body: the one place it is released.
   * Whatever goes wrong, the request is answered: on the executor an exception would otherwise
   * vanish and leave the connection open and unanswered.
   */
  private void respond(ChannelHandlerContext ctx, AssembledRequest assembled) {
    long now = clock.millis();
    String requestId = RequestIds.next(now);
    try {
      answerAndWrite(ctx, assembled, now, requestId);
    } catch (RuntimeException e) {
      LOG.error("internal error answering {}", assembled.head().method(), e);
      boolean head = "HEAD".equals(assembled.head().method().name());
      ctx.writeAndFlush(
              ErrorReplies.toHttp(ErrorRenderer.internalError(requestId, head), requestId, now))
          .addListener(ChannelFutureListener.CLOSE);
    } finally {
      assembled.release();
    }
  }

  private void answerAndWrite(
      ChannelHandlerContext ctx, AssembledRequest assembled, long now, String requestId) {
    HttpRequest request = assembled.head();
    Outcome outcome = answer(assembled, requestId);
    if (outcome.resetConnection()) {
      // An injected fault: a TCP reset, as a crashed or overloaded server would leave behind.
      ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
      ctx.close();
      return;
    }
    FullHttpResponse response =
        HttpResponses.toHttp(
            outcome.response(),
            request.protocolVersion(),
            requestId,
            now,
            HttpUtil.isKeepAlive(request));
    if (accessLog) {
      // Common log format, plus the request id that ties the line to the client's error.
      ACCESS.info(
          "{} - - [{}] \"{} {} {}\" {} {} {}",
          client(ctx.channel().remoteAddress()),
          HttpResponses.httpDate(now),
          request.method(),
          request.uri(),
          request.protocolVersion(),
          outcome.response().status(),
          outcome.response().contentLength(),
          requestId);
    }
    if (outcome.delayMillis() > 0) {
      // Never block the event loop: the answer is written when the delay is over.
      ctx.executor()
          .schedule(
              () -> ctx.writeAndFlush(response), outcome.delayMillis(), TimeUnit.MILLISECONDS);
    } else {
      ctx.writeAndFlush(response);
    }
  }

  /** {@code 127.0.0.1:59150}: InetSocketAddress.toString() would add a leading slash. */
  static String client(java.net.SocketAddress address) {
    if (address instanceof java.net.InetSocketAddress inet && inet.getAddress() != null) {
      String ip = inet.getAddress().getHostAddress();
      return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + inet.getPort();
    }
    return String.valueOf(address);
  }

  private Outcome answer(AssembledRequest assembled, String requestId) {
    HttpRequest request = assembled.head();
    // The RequestGuard already refused what the decoder could not read.
    Headers headers = new Headers();
    for (Map.Entry<String, String> header : request.headers()) {
      headers.add(header.getKey(), header.getValue());
    }
    Resolution resolution = assembled.resolution();
    return service.exchange(
        new OssRequest(
            requestId,
            request.method().name(),
            resolution.rawPath(),
            resolution.rawQuery(),
            resolution.query(),
            headers,
            assembled.body(),
            assembled.upload()),
        resolution);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof IOException || cause instanceof PrematureChannelClosureException) {
      // A client that hung up mid-request is routine, not an emulator fault.
      LOG.debug("connection error on {}: {}", ctx.channel(), cause.toString());
    } else {
      LOG.error("unexpected error on {}", ctx.channel(), cause);
    }
    ctx.close();
  }
}
