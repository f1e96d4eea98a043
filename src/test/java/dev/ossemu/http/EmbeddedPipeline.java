package dev.ossemu.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.blob.StorageQuota;
import dev.ossemu.server.OssChannelInitializer;
import dev.ossemu.service.OssService;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole server pipeline in an {@link EmbeddedChannel}: raw request bytes in, decoded responses
 * out. Responses are copied and released at once; {@link #close()} fails the test when any buffer
 * or message was left behind.
 */
final class EmbeddedPipeline implements AutoCloseable {
  /** A decoded response, detached from Netty buffers. */
  record Response(int status, HttpHeaders headers, String body) {
    String header(String name) {
      return headers.get(name);
    }
  }

  private final EmbeddedChannel server;
  private final EmbeddedChannel client =
      new EmbeddedChannel(new HttpResponseDecoder(), new HttpObjectAggregator(1 << 20));

  EmbeddedPipeline(OssService service, Clock clock, int maxBodyBytes) {
    this(
        new OssChannelInitializer(
            service, new StorageQuota(StorageQuota.DEFAULT_BYTES), maxBodyBytes, clock));
  }

  /** The pipeline {@code initializer} builds, on a channel whose time moves only when told. */
  EmbeddedPipeline(OssChannelInitializer initializer) {
    server = new EmbeddedChannel();
    server.freezeTime();
    server.pipeline().addLast(initializer);
  }

  /** Moves the server's clock on, runs what became due, and returns what it wrote. */
  List<Response> advance(java.time.Duration by) {
    server.advanceTimeBy(by.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
    server.runScheduledPendingTasks();
    return drain();
  }

  /** Writes raw bytes and returns every response the server wrote. */
  List<Response> send(byte[] raw) {
    server.writeInbound(Unpooled.wrappedBuffer(raw));
    return drain();
  }

  /** Every response the server wrote since the last look. */
  List<Response> drain() {
    List<Response> responses = new ArrayList<>();
    ByteBuf out;
    while ((out = server.readOutbound()) != null) {
      client.writeInbound(out);
    }
    FullHttpResponse response;
    while ((response = client.readInbound()) != null) {
      try {
        HttpHeaders headers = new DefaultHttpHeaders().set(response.headers());
        responses.add(
            new Response(
                response.status().code(),
                headers,
                response.content().toString(StandardCharsets.UTF_8)));
      } finally {
        response.release();
      }
    }
    return responses;
  }

  /** Sends one request and expects exactly one response. */
  Response exchange(String raw) {
    return exchange(raw.getBytes(StandardCharsets.UTF_8));
  }

  Response exchange(byte[] raw) {
    List<Response> responses = send(raw);
    assertThat(responses).hasSize(1);
    return responses.get(0);
  }

  boolean isOpen() {
    return server.isOpen();
  }

  @Override
  public void close() {
    assertThat(server.finishAndReleaseAll()).as("server left messages behind").isFalse();
    assertThat(client.finishAndReleaseAll()).as("client left messages behind").isFalse();
  }
}
