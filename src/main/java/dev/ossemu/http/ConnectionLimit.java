package dev.ossemu.http;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bound on open connections. A connection beyond it is still read up to its first request head,
 * so that the client gets a real HTTP answer (503 {@code SlowDown}, which SDKs back off and retry
 * on) rather than a reset, and is then closed; connections within the bound are served as ever. One
 * handler per connection, sharing one {@link Count}.
 */
public final class ConnectionLimit extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimit.class);

  /** How long a refused connection may take to send its request head before it is just closed. */
  static final long REFUSED_GRACE_MILLIS = 1000;

  /** The open connections of one server, and when the bound was last reported. */
  public static final class Count {
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final int max;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong lastWarn = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    /**
     * @param max the most connections served at once; zero for no bound
     */
    public Count(int max) {
      this.max = max;
    }

    public int open() {
      return open.get();
    }

    boolean tryOpen() {
      if (open.incrementAndGet() <= max || max == 0) {
        return true;
      }
      open.decrementAndGet();
      long last = lastWarn.get();
      long now = System.nanoTime();
      if (now - last >= WARN_EVERY_NANOS && lastWarn.compareAndSet(last, now)) {
        // At most once a minute: a flood must not become a flood of log lines.
        LOG.warn(
            "{} connections are open, the bound of --max-connections; new connections get 503"
                + " SlowDown",
            max);
      }
      return false;
    }

    void close() {
      open.decrementAndGet();
    }
  }

  private final Count count;
  private final ErrorReplies replies;
  private boolean counted;
  private boolean refused;
  private boolean answered;

  ConnectionLimit(Count count, ErrorReplies replies) {
    this.count = count;
    this.replies = replies;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (count.tryOpen()) {
      counted = true;
    } else {
      refused = true;
      ctx.executor().schedule(() -> ctx.close(), REFUSED_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!refused) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (msg instanceof HttpRequest request && !answered) {
      answered = true;
      replies.closeWith(ctx, OssException.of(OssErrorCode.SLOW_DOWN).build(), request);
    }
    ReferenceCountUtil.release(msg);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    release();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    release();
    super.channelInactive(ctx);
  }

  private void release() {
    if (counted) {
      counted = false;
      count.close();
    }
  }
}
