package dev.ossemu.bench;

import dev.ossemu.blob.StorageQuota;
import dev.ossemu.bucket.InMemoryBucketStore;
import dev.ossemu.http.PipelineHarness;
import dev.ossemu.object.InMemoryObjectStore;
import dev.ossemu.testing.RawRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One signed request through the whole server pipeline, request bytes in and response bytes out, on
 * an {@link EmbeddedChannel}: the emulator's own per-request work without the kernel, the scheduler
 * or a load generator sharing the cores, which make {@code bench/run.sh}'s warm ratios move by
 * ±0.15 from one JVM to the next (issue 15). {@code bareNettyPut} runs the baseline's pipeline
 * (HttpServerCodec, HttpObjectAggregator, a fixed 200) on the same bytes, for the ratio.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PipelineBench {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
  private static final String RULE =
      "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256"
          + "</SSEAlgorithm></ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>";

  private EmbeddedChannel emulator;
  private EmbeddedChannel bare;
  private byte[] putEncryption;
  private byte[] getEncryption;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    InMemoryBucketStore store = new InMemoryBucketStore();
    store.createIfAbsent(PipelineHarness.bucket("bench-bucket", CLOCK));
    InMemoryObjectStore objects =
        new InMemoryObjectStore(new StorageQuota(StorageQuota.DEFAULT_BYTES));
    emulator = new EmbeddedChannel(PipelineHarness.initializer(store, objects, CLOCK));
    bare =
        new EmbeddedChannel(new HttpServerCodec(), new HttpObjectAggregator(2 << 20), new Fixed());
    String md5 =
        Base64.getEncoder()
            .encodeToString(
                MessageDigest.getInstance("MD5").digest(RULE.getBytes(StandardCharsets.UTF_8)));
    putEncryption =
        RawRequest.of("PUT", "/bench-bucket?encryption")
            .header("Host", "127.0.0.1:19000")
            .header("Content-Type", "application/xml")
            .header("Content-MD5", md5)
            .body(RULE)
            .signV1(CLOCK)
            .bytes();
    getEncryption =
        RawRequest.of("GET", "/bench-bucket?encryption")
            .header("Host", "127.0.0.1:19000")
            .signV1(CLOCK)
            .bytes();
    if (status(exchange(emulator, putEncryption)) != 200
        || status(exchange(emulator, getEncryption)) != 200) {
      throw new IllegalStateException("the emulator refused the benchmark's requests");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    emulator.finishAndReleaseAll();
    bare.finishAndReleaseAll();
  }

  @Benchmark
  public int putBucketEncryption() {
    return exchange(emulator, putEncryption);
  }

  @Benchmark
  public int getBucketEncryption() {
    return exchange(emulator, getEncryption);
  }

  @Benchmark
  public int bareNettyPut() {
    return exchange(bare, putEncryption);
  }

  /** Writes the request, reads and releases what comes back; returns the status's first digit. */
  private static int exchange(EmbeddedChannel channel, byte[] request) {
    channel.writeInbound(Unpooled.wrappedBuffer(request));
    int first = -1;
    ByteBuf out;
    while ((out = channel.readOutbound()) != null) {
      if (first < 0 && out.readableBytes() > 9) {
        first = out.getByte(out.readerIndex() + 9) - '0';
      }
      out.release();
    }
    return first;
  }

  private static int status(int first) {
    return first * 100;
  }

  /** bench/baseline's handler: a fixed 200 with a rule document. */
  private static final class Fixed extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final ByteBuf BODY =
        Unpooled.unreleasableBuffer(
            Unpooled.copiedBuffer(RULE, StandardCharsets.UTF_8).asReadOnly());

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      FullHttpResponse response =
          new DefaultFullHttpResponse(
              request.protocolVersion(), HttpResponseStatus.OK, BODY.duplicate());
      response
          .headers()
          .set(HttpHeaderNames.CONTENT_TYPE, "application/xml")
          .setInt(HttpHeaderNames.CONTENT_LENGTH, BODY.readableBytes());
      ctx.writeAndFlush(response);
    }
  }
}
