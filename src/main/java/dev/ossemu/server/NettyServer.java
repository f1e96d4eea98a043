package dev.ossemu.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** Binds the pipeline to a socket and shuts it down again. */
public final class NettyServer {
  /**
   * Short on purpose: tests start and stop many servers, and Netty's default 2 s quiet period adds
   * up; a second is ample for in-memory requests in flight.
   */
  private static final long QUIET_PERIOD_MILLIS = 50;

  private static final long SHUTDOWN_TIMEOUT_MILLIS = 900;

  private final EventLoopGroup group;
  private final Channel channel;

  private NettyServer(EventLoopGroup group, Channel channel) {
    this.group = group;
    this.channel = channel;
  }

  /**
   * Binds {@code host:port} (port 0: any free port) and returns once connections are accepted.
   *
   * @throws java.net.BindException when the address is in use or not local
   */
  public static NettyServer bind(String host, int port, ChannelInitializer<Channel> initializer)
      throws InterruptedException {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    try {
      Channel channel =
          new ServerBootstrap()
              .group(group)
              .channel(NioServerSocketChannel.class)
              .option(ChannelOption.SO_BACKLOG, 1024)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childHandler(initializer)
              .bind(host, port)
              .sync()
              .channel();
      return new NettyServer(group, channel);
    } catch (Exception e) {
      // Includes the BindException that sync() rethrows undeclared: the group must not leak.
      group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      throw e;
    }
  }

  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** Stops accepting, lets requests in flight finish, and waits for the event loops to end. */
  public void close() {
    channel.close().syncUninterruptibly();
    group
        .shutdownGracefully(QUIET_PERIOD_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
        .syncUninterruptibly();
  }
}
