package dev.ossemu.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.Wiring;
import dev.ossemu.auth.Account;
import dev.ossemu.auth.Accounts;
import dev.ossemu.blob.StorageQuota;
import dev.ossemu.bucket.InMemoryBucketStore;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The warm-up's annotation reads change nothing Netty decides from the annotations. */
class HandlerAnnotationsTest {
  @Test
  void readingTheAnnotationsBesideAPipelineLeavesItAsNettyBuildsIt() throws Exception {
    CompletableFuture<Void> beside = CompletableFuture.runAsync(HandlerAnnotations::prepare);
    HandlerAnnotations.prepare();
    beside.get();

    OssChannelInitializer initializer =
        new OssChannelInitializer(
            Wiring.service(
                new Accounts(List.of(Account.of("ak", "sk"))),
                "cn-hangzhou",
                Clock.systemUTC(),
                new InMemoryBucketStore(),
                Set.of("127.0.0.1")),
            new StorageQuota(StorageQuota.DEFAULT_BYTES),
            64 * 1024,
            Clock.systemUTC());
    assertThat(initializer.isSharable()).isTrue();
    assertThat(OssChannelInitializer.class.isAnnotationPresent(ChannelHandler.Sharable.class))
        .isTrue();
    EmbeddedChannel channel = new EmbeddedChannel(initializer);
    assertThat(channel.pipeline().names()).contains("OssHttpHandler#0");
    channel.finishAndReleaseAll();
  }
}
