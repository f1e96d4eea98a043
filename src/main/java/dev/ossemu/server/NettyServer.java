package dev.ossemu.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Binds the pipeline to a socket and shuts it down again. */
public final class NettyServer {
  private static final Logger LOG = LoggerFactory.getLogger(NettyServer.class);

  /**
   * Short on purpose: tests start and stop many servers, and Netty's default 2 s quiet period adds
   * up; a second is ample for in-memory requests in flight.
   */
  private static final long QUIET_PERIOD_MILLIS = 50;

  /**
   * Per group; two groups stay within the second the CLI promises for SIGTERM, with room for the
   * JVM's own exit.
   */
  private static final long SHUTDOWN_TIMEOUT_MILLIS = 350;

  private final EventLoopGroup group;
  private final EventExecutorGroup blockingGroup;
  private final Channel channel;

  private NettyServer(EventLoopGroup group, EventExecutorGroup blockingGroup, Channel channel) {
    this.group = group;
    this.blockingGroup = blockingGroup;
    this.channel = channel;
  }

  /**
   * Binds {@code host:port} (port 0: any free port) and returns once connections are accepted.
   *
   * <p>Fails with the {@code BindException} of the socket when the address is in use or not local.
   */
  public static NettyServer bind(String host, int port, OssChannelInitializer initializer)
      throws Exception {
    return bind(host, port, initializer, false);
  }

  /**
   * @param blocking whether request handling may block (durable writes): it then runs on a separate
   *     executor group, never on an event loop
   */
  public static NettyServer bind(
      String host, int port, OssChannelInitializer initializer, boolean blocking) throws Exception {
    Transport transport = Transport.choose();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(transport.ioHandlerFactory());
    EventExecutorGroup blockingGroup = blocking ? new DefaultEventExecutorGroup(8) : null;
    initializer.handlerGroup(blockingGroup);
    try {
      Channel channel =
          new ServerBootstrap()
              .group(group)
              .channel(transport.serverChannel())
              .option(ChannelOption.SO_BACKLOG, 1024)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childHandler(initializer)
              .bind(host, port)
              .sync()
              .channel();
      LOG.debug("listening on {} with the {} transport", channel.localAddress(), transport.id());
      return new NettyServer(group, blockingGroup, channel);
    } catch (Exception e) {
      // Includes the BindException that sync() rethrows undeclared: the groups must not leak.
      group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      if (blockingGroup != null) {
        blockingGroup.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      }
      throw asBindException(e);
    }
  }

  /**
   * The native transports report a busy or foreign address as a NativeIoException ({@code bind(..)
   * failed with error(-98): Address already in use}); callers, like NIO users, expect the JDK's
   * BindException, so it is turned into one with the same message.
   */
  private static Exception asBindException(Exception e) {
    if (e instanceof java.io.IOException
        && !(e instanceof java.net.BindException)
        && e.getMessage() != null
        && (e.getMessage().contains("Address already in use")
            || e.getMessage().contains("Cannot assign requested address"))) {
      java.net.BindException bind = new java.net.BindException(e.getMessage());
      bind.initCause(e);
      return bind;
    }
    return e;
  }

  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** Stops accepting, lets requests in flight finish, and waits for the event loops to end. */
  public void close() {
    channel.close().syncUninterruptibly();
    // Handlers first, so that an answer they finish can still be written by its event loop.
    if (blockingGroup != null) {
      blockingGroup
          .shutdownGracefully(QUIET_PERIOD_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
          .syncUninterruptibly();
    }
    group
        .shutdownGracefully(QUIET_PERIOD_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
        .syncUninterruptibly();
  }
}
