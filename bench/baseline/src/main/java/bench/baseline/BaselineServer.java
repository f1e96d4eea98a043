package bench.baseline;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The ceiling: HttpServerCodec + HttpObjectAggregator + one handler answering every request with a
 * fixed 200 — a 200-byte XML rule, or for a GET without a query a 1 MiB body (the GetObject
 * ceiling). No routing, no auth, no state. Anything the emulator does costs on top of this.
 *
 * <pre>java -jar netty-baseline.jar [-host 127.0.0.1] [-port 18080] [-transport auto|io_uring|epoll|nio]</pre>
 *
 * "auto" picks the transport as the emulator does (server/Transport): epoll, else NIO; io_uring only
 * when forced, as in the emulator.
 */
public final class BaselineServer {
  static final byte[] RULE =
      ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              + "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault>"
              + "<SSEAlgorithm>AES256</SSEAlgorithm>"
              + "</ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>")
          .getBytes(StandardCharsets.UTF_8);
  static final ByteBuf RULE_BUF = shared(RULE);
  static final ByteBuf OBJECT_BUF = shared(new byte[1024 * 1024]);

  private static ByteBuf shared(byte[] bytes) {
    return Unpooled.unreleasableBuffer(Unpooled.directBuffer(bytes.length).writeBytes(bytes))
        .asReadOnly();
  }

  public static void main(String[] args) throws Exception {
    String host = "127.0.0.1";
    int port = 18080;
    String transport = System.getProperty("dev.ossemu.transport", "auto");
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "-host" -> host = args[i + 1];
        case "-port" -> port = Integer.parseInt(args[i + 1]);
        case "-transport" -> transport = args[i + 1];
        default -> {
          System.err.println("usage: java -jar netty-baseline.jar [-host H] [-port P] [-transport T]");
          System.exit(2);
        }
      }
    }
    if (transport.equals("auto")) {
      transport = Epoll.isAvailable() ? "epoll" : "nio";
    }
    IoHandlerFactory factory;
    Class<? extends ServerChannel> channelType;
    switch (transport) {
      case "io_uring" -> {
        factory = IoUringIoHandler.newFactory();
        channelType = IoUringServerSocketChannel.class;
      }
      case "epoll" -> {
        factory = EpollIoHandler.newFactory();
        channelType = EpollServerSocketChannel.class;
      }
      default -> {
        transport = "nio";
        factory = NioIoHandler.newFactory();
        channelType = NioServerSocketChannel.class;
      }
    }
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(factory);
    Channel ch =
        new ServerBootstrap()
            .group(group)
            .channel(channelType)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel c) {
                    c.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(2 * 1024 * 1024))
                        .addLast(new FixedResponseHandler());
                  }
                })
            .bind(host, port)
            .sync()
            .channel();
    System.out.println("READY http://" + host + ":" + port + " transport=" + transport);
    System.out.flush();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  ch.close().syncUninterruptibly();
                  group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
                }));
    ch.closeFuture().sync();
  }

  static final class FixedResponseHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
      boolean object = req.method().name().equals("GET") && req.uri().indexOf('?') < 0;
      ByteBuf body = (object ? OBJECT_BUF : RULE_BUF).duplicate();
      FullHttpResponse res =
          new DefaultFullHttpResponse(req.protocolVersion(), HttpResponseStatus.OK, body);
      res.headers()
          .set(HttpHeaderNames.CONTENT_TYPE, object ? "application/octet-stream" : "application/xml")
          .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
      if (HttpUtil.isKeepAlive(req)) {
        ctx.write(res);
      } else {
        res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
      }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }

  private BaselineServer() {}
}
