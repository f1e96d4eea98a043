package dev.ossemu.http;

import dev.ossemu.blob.BlobBuilder;
import dev.ossemu.request.OssResponse;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one answer. A document goes out whole; an object body is streamed by the pipeline's {@code
 * ChunkedWriteHandler} as the client reads, never copied into one buffer. A write that fails (the
 * client went away, direct memory ran out) closes the connection: half an answer cannot be taken
 * back, and a client waiting for the rest must not hang.
 */
final class ResponseWriter {
  private static final Logger LOG = LoggerFactory.getLogger(ResponseWriter.class);

  private ResponseWriter() {}

  /** Writes and flushes {@code response}; call on the channel's event loop. */
  static ChannelFuture write(
      ChannelHandlerContext ctx,
      OssResponse response,
      HttpVersion version,
      String requestId,
      long nowMillis,
      boolean keepAlive) {
    ChannelFuture written;
    if (response.streams()) {
      ctx.write(HttpResponses.head(response, version, requestId, nowMillis, keepAlive));
      // Sockets send files themselves (sendfile, splice); an embedded test channel cannot.
      boolean zeroCopy = ctx.channel() instanceof SocketChannel;
      written =
          ctx.writeAndFlush(
              response.isGzipped()
                  ? new GzipChunkedInput(
                      new BlobChunkedInput(response.openBody(), false, BlobBuilder.CHUNK_BYTES))
                  : new BlobChunkedInput(response.openBody(), zeroCopy));
    } else {
      written =
          ctx.writeAndFlush(
              HttpResponses.toHttp(response, version, requestId, nowMillis, keepAlive));
    }
    return written.addListener(
        future -> {
          if (!future.isSuccess()) {
            LOG.debug(
                "answer {} to {} not sent, closing: {}",
                requestId,
                ctx.channel().remoteAddress(),
                future.cause().toString());
            ctx.close();
          }
        });
  }
}
