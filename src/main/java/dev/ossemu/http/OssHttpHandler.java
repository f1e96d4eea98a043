package dev.ossemu.http;

import dev.ossemu.error.OssException;
import dev.ossemu.request.OssRequest;
import dev.ossemu.request.OssResponse;
import dev.ossemu.service.OssService;
import dev.ossemu.service.Outcome;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The boundary between Netty and the plain-Java chain. It turns an assembled request (whose body
 * the {@link OssBodyAssembler} already copied out of Netty's buffers) into an {@link OssRequest},
 * asks the {@link OssService}, and hands the answer to the connection's {@link ResponseOrder}. In
 * memory it answers on the event loop; with durable storage on a storage thread, never blocking the
 * event loop, and the order keeps pipelined answers in request order either way.
 */
public final class OssHttpHandler extends SimpleChannelInboundHandler<AssembledRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(OssHttpHandler.class);

  private final OssService service;
  private final Clock clock;
  private final boolean accessLog;
  private final Executor blocking;
  private final ResponseOrder order;

  /**
   * @param blocking where to answer when the service may block (durable storage), or null to answer
   *     on the event loop
   * @param order the connection's answer order, shared with its {@link OssBodyAssembler}
   */
  public OssHttpHandler(
      OssService service, Clock clock, boolean accessLog, Executor blocking, ResponseOrder order) {
    this.service = service;
    this.clock = clock;
    this.accessLog = accessLog;
    this.blocking = blocking;
    this.order = order;
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
      if (assembled.staged() != null) {
        assembled.staged().discard();
      }
      ctx.close();
    }
  }

  /**
   * Answers, then gives back the request's reference to its body: the one place it is released.
   * Whatever goes wrong, the request is answered: on a storage thread an exception would otherwise
   * vanish and leave the connection open and unanswered.
   */
  private void respond(ChannelHandlerContext ctx, AssembledRequest assembled) {
    AssembledRequest ready = assembled;
    try {
      ready = assembled.built();
      answerAndWrite(ctx, ready, null);
    } catch (OssException e) {
      answerAndWrite(ctx, assembled, e); // the staged upload could not be kept
    } catch (RuntimeException e) {
      LOG.error("internal error answering {}", assembled.head().method(), e);
      long now = clock.millis();
      String requestId = RequestIds.next(now);
      boolean head = "HEAD".equals(assembled.head().method().name());
      ResponseOrder.Answer failed = ErrorReplies.internalErrorInTurn(ctx, requestId, now, head);
      onEventLoop(ctx, () -> order.complete(assembled.ticket(), failed));
    } finally {
      ready.release();
      assembled.closeStaged();
    }
  }

  private static void onEventLoop(ChannelHandlerContext ctx, Runnable task) {
    if (ctx.executor().inEventLoop()) {
      task.run();
    } else {
      ctx.executor().execute(task);
    }
  }

  private void answerAndWrite(
      ChannelHandlerContext ctx, AssembledRequest assembled, OssException unstored) {
    HttpRequest request = assembled.head();
    long now = clock.millis();
    String requestId = RequestIds.next(now);
    Outcome outcome =
        unstored == null
            ? answer(assembled, requestId, peer(ctx))
            : new Outcome(
                service
                    .errors()
                    .render(
                        unstored,
                        requestId,
                        request.headers().get("host", ""),
                        "HEAD".equals(request.method().name())),
                0,
                false);
    OssResponse response = outcome.response();
    if (accessLog && !outcome.resetConnection()) {
      AccessLog.line(ctx, request, response, requestId, now);
    }
    ResponseOrder.Answer answer =
        new ResponseOrder.Answer() {
          @Override
          public void write() {
            if (outcome.resetConnection()) {
              // An injected fault: a TCP reset, as a crashed or overloaded server leaves behind.
              response.discardBody();
              ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
              ctx.close();
            } else {
              try {
                ResponseWriter.write(
                    ctx,
                    response,
                    request.protocolVersion(),
                    requestId,
                    now,
                    HttpUtil.isKeepAlive(request));
              } catch (RuntimeException e) {
                // e.g. a header value Netty refuses; on the event loop nobody else would answer
                LOG.error("cannot write the answer to {}", request.method(), e);
                response.discardBody();
                ErrorReplies.closeWithInternalError(
                    ctx, requestId, now, "HEAD".equals(request.method().name()));
              }
            }
          }

          @Override
          public void discard() {
            response.discardBody();
          }
        };
    Runnable complete = () -> order.complete(assembled.ticket(), answer);
    try {
      if (outcome.delayMillis() > 0) {
        // Never block the event loop: the answer takes its turn when the delay is over.
        ctx.executor().schedule(complete, outcome.delayMillis(), TimeUnit.MILLISECONDS);
      } else if (ctx.executor().inEventLoop()) {
        complete.run();
      } else {
        ctx.executor().execute(complete);
      }
    } catch (RejectedExecutionException e) {
      answer.discard(); // the server is shutting down; the connection goes with it
    }
  }

  private Outcome answer(AssembledRequest assembled, String requestId, InetAddress peer) {
    return service.exchange(assembled.toOssRequest(requestId), assembled.resolution(), peer);
  }

  /** The caller's address, which the admin API's rules need; null when not an IP socket. */
  private static InetAddress peer(ChannelHandlerContext ctx) {
    return ctx.channel().remoteAddress() instanceof InetSocketAddress address
        ? address.getAddress()
        : null;
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    order.close();
    super.channelInactive(ctx);
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
