package dev.ossemu.http;

import dev.ossemu.blob.BlobBuilder;
import dev.ossemu.blob.BodySink;
import dev.ossemu.blob.BodyStorage;
import dev.ossemu.blob.StorageQuota;
import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.request.OssResponse;
import dev.ossemu.routing.BodyKind;
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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * Takes in request bodies as they arrive. An object upload goes chunk by chunk into storage
 * (bounded by the {@link StorageQuota}), a document into a bounded buffer; each network buffer is
 * copied and released at once. Past a bound the client gets an OSS error straight away and the rest
 * of the body is discarded unread; {@code Expect: 100-continue} is answered here.
 */
public final class OssBodyAssembler extends ChannelInboundHandlerAdapter {
  /** OSS's limit for a single PutObject or part: 5 GiB. */
  static final long MAX_UPLOAD_BYTES = 5L * 1024 * 1024 * 1024;

  /** Documents listing many entries (1000 keys to delete, 10000 parts) need more room. */
  static final int LARGE_DOCUMENT_BYTES = 2 * 1024 * 1024;

  private final OssService service;
  private final StorageQuota quota;
  private final int maxDocumentBytes;
  private final Clock clock;
  private final ResponseOrder order;
  private HttpRequest head;
  private long ticket;
  private Resolution resolution;
  private BodySink body;
  private BodyStorage storage = BodyStorage.MEMORY;
  private OffloadedWrites offload;
  private boolean offloaded;
  private boolean upload;
  private long limit;
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
    this.quota = quota;
    this.maxDocumentBytes = maxDocumentBytes;
    this.clock = clock;
    this.order = order;
  }

  /**
   * Writes uploads into {@code storage}; a blocking one (data files) is written on {@code
   * blocking}, the connection's storage thread, never on the event loop.
   */
  public OssBodyAssembler uploadsTo(BodyStorage storage, Executor blocking) {
    this.storage = storage;
    this.offload = storage.blocks() ? new OffloadedWrites(blocking) : null;
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
    discard();
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
    BodyKind kind = resolution.bodyKind();
    upload = kind == BodyKind.UPLOAD;
    limit =
        switch (kind) {
          case UPLOAD -> MAX_UPLOAD_BYTES;
          case LARGE_DOCUMENT -> Math.max(maxDocumentBytes, LARGE_DOCUMENT_BYTES);
          case DOCUMENT -> maxDocumentBytes;
        };
    long announced = HttpUtil.getContentLength(request, -1L);
    offloaded = upload && offload != null;
    // A document is parsed, never stored: it is neither reserved nor checksummed.
    body = upload ? storage.open(quota, announced) : BlobBuilder.document(announced);
    if (announced > limit) {
      refuse(ctx, tooLarge());
    } else if (HttpUtil.is100ContinueExpected(request)) {
      order.interim(ticket, () -> sendContinue(ctx, request));
    }
  }

  /**
   * EntityTooLarge with the EC of what was too large: an object body past 5 GiB (DOC EC page
   * 0017-00000102) or a request document past its operation's limit (DOC EC page 0017-00000501).
   */
  private OssException tooLarge() {
    return OssException.of(OssErrorCode.ENTITY_TOO_LARGE)
        .ec(upload ? "0017-00000102" : "0017-00000501")
        .build();
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
      if (body.length() + bytes.readableBytes() > limit) {
        refuse(ctx, tooLarge());
      } else {
        try {
          if (offloaded) {
            offload.write(ctx, body, bytes);
          } else {
            for (ByteBuffer nio : bytes.nioBuffers()) {
              body.append(nio);
            }
          }
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
      discard();
      return;
    }
    if (last.decoderResult().isFailure()) {
      request.setDecoderResult(last.decoderResult());
    }
    BodySink assembled = body;
    body = null;
    Resolution resolved = resolution;
    resolution = null;
    if (offloaded) {
      // Built on the storage thread once the writes queued before it are done.
      ctx.fireChannelRead(
          new AssembledRequest(request, resolved, new byte[0], null, ticket, assembled));
    } else if (upload) {
      ctx.fireChannelRead(
          new AssembledRequest(request, resolved, new byte[0], assembled.build(), ticket, null));
    } else {
      ctx.fireChannelRead(
          new AssembledRequest(request, resolved, documentBytes(assembled), null, ticket, null));
    }
  }

  private static byte[] documentBytes(BodySink builder) {
    return builder instanceof BlobBuilder document
        ? document.toByteArray()
        : builder.build().toByteArray();
  }

  /**
   * Answers with an OSS error before the body is complete. Bytes still on the wire are skipped,
   * which keeps the connection in step for a keep-alive client; otherwise it is closed, as Netty's
   * aggregator does. A client that sent {@code Expect: 100-continue} may never send the body it was
   * refused, so its next bytes could be a request: that connection is closed too.
   */
  private void refuse(ChannelHandlerContext ctx, OssException error) {
    discarding = true;
    discard();
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

  private void discard() {
    if (body != null) {
      BodySink dropped = body;
      body = null;
      if (offloaded) {
        offload.after(dropped::discard); // after the writes still queued for it
      } else {
        dropped.discard();
      }
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    discard();
    super.channelInactive(ctx);
  }
}
