package dev.ossemu.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.Wiring;
import dev.ossemu.admin.Faults;
import dev.ossemu.admin.RequestJournal;
import dev.ossemu.auth.Accounts;
import dev.ossemu.auth.StsCredentials;
import dev.ossemu.bucket.Bucket;
import dev.ossemu.bucket.BucketStore;
import dev.ossemu.object.ObjectStore;
import dev.ossemu.server.OssChannelInitializer;
import dev.ossemu.service.OssService;
import dev.ossemu.testing.TestService;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The whole server pipeline on an embedded channel, over the given stores, for raw requests. Also
 * used by the JMH {@code PipelineBench}.
 */
public final class PipelineHarness implements AutoCloseable {
  /** An answer, read fully. */
  record Answer(int status, String body) {}

  private final EmbeddedChannel server;
  private final EmbeddedChannel client =
      new EmbeddedChannel(new HttpResponseDecoder(), new HttpObjectAggregator(1 << 22));

  PipelineHarness(BucketStore buckets, ObjectStore objects, Clock clock) {
    server = new EmbeddedChannel(initializer(buckets, objects, clock));
  }

  /**
   * The server pipeline's initializer over the full service (journal, faults, no admin API), as the
   * emulator wires it, with the test owner as the only account.
   */
  public static OssChannelInitializer initializer(
      BucketStore buckets, ObjectStore objects, Clock clock) {
    OssService service =
        Wiring.service(
            new Accounts(List.of(TestService.OWNER)),
            new StsCredentials(),
            TestService.REGION,
            clock,
            buckets,
            objects,
            Set.of(),
            new RequestJournal(16),
            new Faults(),
            null);
    return new OssChannelInitializer(service, objects.quota(), 1024, clock);
  }

  /** A private bucket of the test owner. */
  public static Bucket bucket(String name, Clock clock) {
    return new Bucket(
        name,
        TestService.OWNER.ownerId(),
        TestService.REGION,
        clock.instant(),
        "Standard",
        "LRS",
        "private",
        null);
  }

  Answer send(byte[]... pieces) {
    for (byte[] piece : pieces) {
      server.writeInbound(Unpooled.wrappedBuffer(piece));
    }
    ByteBuf out;
    while ((out = server.readOutbound()) != null) {
      client.writeInbound(out);
    }
    FullHttpResponse response = client.readInbound();
    try {
      return new Answer(
          response.status().code(), response.content().toString(StandardCharsets.UTF_8));
    } finally {
      response.release();
    }
  }

  @Override
  public void close() {
    assertThat(server.finishAndReleaseAll()).isFalse();
    client.finishAndReleaseAll();
  }
}
