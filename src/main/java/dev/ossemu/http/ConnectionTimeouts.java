package dev.ossemu.http;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The two timeouts of a connection, in the way nginx has them ({@code keepalive_timeout}, {@code
 * client_header_timeout}/{@code client_body_timeout}):
 *
 * <ul>
 *   <li>idle: a connection with no request in progress is closed, silently, after this long;
 *   <li>request: the request line and headers must have arrived this long after their first byte,
 *       and a body must not pause for longer; otherwise the client gets {@code RequestTimeout} and
 *       the connection is closed. A slowloris client, sending a byte every few seconds, is cut.
 * </ul>
 *
 * <p>While the emulator itself is working on an answer neither applies. The state is kept by two
 * handlers, one before the HTTP codec ({@link #bytes()}: sees every read) and one after it ({@link
 * #messages()}: sees where requests begin and end and when answers are out); both run on the
 * channel's event loop. Time is the event loop's ticker, so that tests can move it.
 */
public final class ConnectionTimeouts {
  /** Checks run this often relative to the shortest timeout, and at least once a second. */
  private static final int CHECKS_PER_TIMEOUT = 10;

  private static final long MIN_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  private static final long MAX_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final long idleNanos;
  private final long requestNanos;
  private final ErrorReplies replies;
  private ChannelHandlerContext messagesCtx;
  private ScheduledFuture<?> check;
  private long idleSince;
  private boolean headPending;
  private long headStart;
  private boolean inBody;
  private long lastRead;
  private int awaiting;
  private boolean informational;
  private boolean expired;

  /**
   * @param idle the idle timeout; zero turns it off
   * @param request the request timeout; zero turns it off
   */
  ConnectionTimeouts(Duration idle, Duration request, ErrorReplies replies) {
    this.idleNanos = idle.toNanos();
    this.requestNanos = request.toNanos();
    this.replies = replies;
  }

  /** Whether either timeout is on. */
  static boolean enabled(Duration idle, Duration request) {
    return !idle.isZero() || !request.isZero();
  }

  /** The handler to put before the HTTP codec. */
  ChannelHandler bytes() {
    return new Bytes();
  }

  /** The handler to put right after the HTTP codec. */
  ChannelHandler messages() {
    return new Messages();
  }

  private long checkPeriodNanos() {
    long shortest = Long.MAX_VALUE;
    for (long timeout : new long[] {idleNanos, requestNanos}) {
      if (timeout > 0) {
        shortest = Math.min(shortest, timeout);
      }
    }
    return Math.max(MIN_CHECK_NANOS, Math.min(MAX_CHECK_NANOS, shortest / CHECKS_PER_TIMEOUT));
  }

  private static long now(ChannelHandlerContext ctx) {
    return ctx.executor().ticker().nanoTime();
  }

  private void check() {
    ChannelHandlerContext ctx = messagesCtx;
    if (expired || ctx == null || !ctx.channel().isActive()) {
      return;
    }
    long now = now(ctx);
    if (inBody) {
      if (requestNanos > 0 && now - lastRead > requestNanos) {
        timeOut(ctx);
      }
    } else if (awaiting > 0) {
      return; // the emulator is answering; a pipelined head waits for that answer
    } else if (headPending) {
      if (requestNanos > 0 && now - headStart > requestNanos) {
        timeOut(ctx);
      }
    } else if (idleNanos > 0 && now - idleSince > idleNanos) {
      expired = true;
      ctx.close();
    }
  }

  private void timeOut(ChannelHandlerContext ctx) {
    expired = true;
    replies.closeWith(ctx, OssException.of(OssErrorCode.REQUEST_TIMEOUT).build(), null);
  }

  /** Sees raw bytes: a read with no request in progress starts the clock of the next head. */
  private final class Bytes extends ChannelInboundHandlerAdapter {
    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      if (ctx.channel().isActive()) {
        start(ctx); // an accepted socket is active before its pipeline is built
      }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
      start(ctx);
      super.channelActive(ctx);
    }

    private void start(ChannelHandlerContext ctx) {
      if (check == null) {
        idleSince = now(ctx);
        long period = checkPeriodNanos();
        check =
            ctx.executor().scheduleAtFixedRate(() -> check(), period, period, TimeUnit.NANOSECONDS);
      }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
        lastRead = now(ctx);
        if (!inBody && !headPending) {
          headPending = true;
          headStart = lastRead;
        }
      }
      ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
      if (check != null) {
        check.cancel(false);
      }
      super.channelInactive(ctx);
    }
  }

  /** Sees decoded requests and the answers written for them. */
  private final class Messages extends ChannelDuplexHandler {
    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      messagesCtx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof HttpRequest) {
        headPending = false;
        inBody = true;
        awaiting++;
      }
      if (msg instanceof LastHttpContent) {
        inBody = false;
      }
      ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      if (msg instanceof HttpResponse response) {
        informational = response.status().code() < 200; // 100 Continue is not the answer
      }
      if (msg instanceof LastHttpContent && !informational) {
        promise = promise.unvoid();
        promise.addListener(done -> answered(ctx));
      }
      ctx.write(msg, promise);
    }

    private void answered(ChannelHandlerContext ctx) {
      awaiting = Math.max(0, awaiting - 1);
      long now = now(ctx);
      if (awaiting == 0) {
        idleSince = now;
        headStart = Math.max(headStart, now); // a pipelined head's clock starts now
      }
    }
  }
}
