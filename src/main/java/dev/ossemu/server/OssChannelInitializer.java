package dev.ossemu.server;

import dev.ossemu.blob.BodyStorage;
import dev.ossemu.blob.StorageQuota;
import dev.ossemu.http.ConnectionGuards;
import dev.ossemu.http.OssBodyAssembler;
import dev.ossemu.http.OssHttpHandler;
import dev.ossemu.http.ResponseOrder;
import dev.ossemu.service.OssService;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.util.concurrent.EventExecutorGroup;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * The request pipeline: timeouts, codec (bounded request line and headers), the connection bound
 * and the request guard (see {@link ConnectionGuards}), keep-alive (the only owner of {@code
 * Connection} and closing), the body assembler (object uploads streamed into storage, documents
 * bounded, oversize answered with an OSS error), and the OSS handler. Typed on {@link Channel} so
 * that tests install the whole pipeline in an EmbeddedChannel.
 */
public final class OssChannelInitializer extends ChannelInitializer<Channel> {
  /** Long enough for any presigned URL an SDK builds. */
  static final int MAX_INITIAL_LINE_LENGTH = 16 * 1024;

  static final int MAX_HEADER_SIZE = 16 * 1024;

  private final OssService service;
  private final StorageQuota quota;
  private final int maxBodyBytes;
  private final Clock clock;
  private final boolean accessLog;
  private ConnectionGuards guards;
  private EventExecutorGroup handlerGroup;
  private BodyStorage bodyStorage = BodyStorage.MEMORY;

  /**
   * @param quota the bound on stored object bodies
   * @param maxBodyBytes the largest document body (bucket configuration XML)
   */
  public OssChannelInitializer(
      OssService service, StorageQuota quota, int maxBodyBytes, Clock clock) {
    this(service, quota, maxBodyBytes, clock, false);
  }

  /**
   * @param accessLog whether every request is logged, one line each
   */
  public OssChannelInitializer(
      OssService service, StorageQuota quota, int maxBodyBytes, Clock clock, boolean accessLog) {
    this.service = service;
    this.quota = quota;
    this.maxBodyBytes = maxBodyBytes;
    this.clock = clock;
    this.accessLog = accessLog;
    this.guards = new ConnectionGuards(service.errors(), clock, Duration.ZERO, Duration.ZERO, 0);
  }

  /**
   * Bounds connections in time and number (all off unless set here).
   *
   * @param idleTimeout zero: connections may wait between requests for ever
   * @param requestTimeout zero: request heads and bodies may take for ever
   * @param maxConnections zero: no bound
   */
  public OssChannelInitializer connectionLimits(
      Duration idleTimeout, Duration requestTimeout, int maxConnections) {
    this.guards =
        new ConnectionGuards(service.errors(), clock, idleTimeout, requestTimeout, maxConnections);
    return this;
  }

  /** The connections open now. */
  public int openConnections() {
    return guards.openConnections();
  }

  /**
   * Where uploads are written as they arrive (data files with {@code --data-dir}); memory unless
   * set. A blocking storage needs {@link #handlerGroup}, which {@link NettyServer} gives it.
   */
  public OssChannelInitializer bodyStorage(BodyStorage storage) {
    this.bodyStorage = storage;
    return this;
  }

  /** Runs the OSS handler on {@code group} rather than the event loop (null: event loop). */
  void handlerGroup(EventExecutorGroup group) {
    this.handlerGroup = group;
  }

  @Override
  protected void initChannel(Channel channel) {
    ChannelPipeline pipeline = channel.pipeline();
    guards.install(
        pipeline,
        new HttpServerCodec(
            new HttpDecoderConfig()
                .setMaxInitialLineLength(MAX_INITIAL_LINE_LENGTH)
                .setMaxHeaderSize(MAX_HEADER_SIZE)
                // RFC 9112 §6.1 lets a server read Content-Length + chunked as chunked and close
                // after the answer, which Netty does with this off (its strict mode refuses the
                // request); ali-oss sends both. The RequestGuard refuses every other coding.
                .setUseRfc9112TransferEncoding(false)));
    pipeline.addLast(new HttpServerKeepAliveHandler());
    // Object bodies go out as the client reads them, never whole into a buffer.
    pipeline.addLast(new ChunkedWriteHandler());
    ResponseOrder order = new ResponseOrder();
    // With blocking storage each connection gets one executor of the group, so its requests (and
    // the writes of its uploads) stay in order while the event loop never waits on a disk.
    Executor blocking = handlerGroup == null ? null : handlerGroup.next();
    BodyStorage storage = blocking == null ? BodyStorage.MEMORY : bodyStorage;
    pipeline.addLast(
        new OssBodyAssembler(service, quota, maxBodyBytes, clock, order)
            .uploadsTo(storage, blocking));
    pipeline.addLast(new OssHttpHandler(service, clock, accessLog, blocking, order));
  }
}
