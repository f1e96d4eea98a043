package dev.ossemu.http;

import dev.ossemu.error.ErrorRenderer;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What keeps every connection bounded in time and number, and every request answered or closed: the
 * {@link ConnectionTimeouts}, the {@link ConnectionLimit} and the {@link RequestGuard}. Built once
 * per server; {@link #install} adds a fresh set of handlers around each connection's codec.
 */
public final class ConnectionGuards {
  private final ErrorReplies replies;
  private final Duration idleTimeout;
  private final Duration requestTimeout;
  private final ConnectionLimit.Count connections;

  /**
   * @param idleTimeout how long a connection may wait between requests; zero: for ever
   * @param requestTimeout how long a request head may take, and a body may pause; zero: for ever
   * @param maxConnections the most connections served at once; zero: no bound
   */
  public ConnectionGuards(
      ErrorRenderer errors,
      Clock clock,
      Duration idleTimeout,
      Duration requestTimeout,
      int maxConnections) {
    this.replies = new ErrorReplies(errors, clock);
    this.idleTimeout = requireNotNegative(idleTimeout, "idleTimeout");
    this.requestTimeout = requireNotNegative(requestTimeout, "requestTimeout");
    if (maxConnections < 0) {
      throw new IllegalArgumentException("maxConnections must not be negative");
    }
    this.connections = new ConnectionLimit.Count(maxConnections);
  }

  private static Duration requireNotNegative(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative");
    }
    return duration;
  }

  /** The connections open now (within the bound). */
  public int openConnections() {
    return connections.open();
  }

  /**
   * Adds this connection's guards to {@code pipeline}, around {@code codec}: the byte side of the
   * timeouts before it, everything else after it.
   */
  public void install(ChannelPipeline pipeline, ChannelHandler codec) {
    ConnectionTimeouts timeouts =
        ConnectionTimeouts.enabled(idleTimeout, requestTimeout)
            ? new ConnectionTimeouts(idleTimeout, requestTimeout, replies)
            : null;
    if (timeouts != null) {
      pipeline.addLast(timeouts.bytes());
    }
    pipeline.addLast(codec);
    if (timeouts != null) {
      pipeline.addLast(timeouts.messages());
    }
    pipeline.addLast(new ConnectionLimit(connections, replies));
    pipeline.addLast(new RequestGuard(replies));
  }
}
