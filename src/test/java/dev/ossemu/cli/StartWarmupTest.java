package dev.ossemu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.auth.Account;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The standalone start's warm-up thread: it never keeps the JVM alive, ends by itself, and leaves
 * the owner IDs what they were.
 */
class StartWarmupTest {
  @Test
  void runsOnADaemonThreadThatEndsByItself() throws Exception {
    Thread warmup = StartWarmup.start();

    assertThat(warmup.isDaemon()).isTrue();
    assertThat(warmup.getName()).isEqualTo(StartWarmup.THREAD_NAME);
    warmup.join(10_000);
    assertThat(warmup.isAlive()).isFalse();
  }

  @Test
  void ownerIdsAreTheSameWhileTheWarmupRunsBesideThem() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      StartWarmup.start();
      List<Future<String>> ids = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Callable<String> id = () -> Account.ownerIdFor("test-access-key");
        ids.add(pool.submit(id));
      }
      // The values every earlier release showed, from the first 8 bytes of SHA-256 of the name.
      for (Future<String> id : ids) {
        assertThat(id.get()).isEqualTo("9631026397700369");
      }
      assertThat(Account.ownerIdFor("main")).isEqualTo("5781862181635051");
      assertThat(Account.of("test-access-key", "secret").ownerId()).isEqualTo("9631026397700369");
    } finally {
      pool.shutdownNow();
    }
  }
}
