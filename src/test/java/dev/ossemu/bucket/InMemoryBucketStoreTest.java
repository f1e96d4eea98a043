package dev.ossemu.bucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Bucket state in memory: sorted, and atomic per bucket. */
class InMemoryBucketStoreTest {
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  private final InMemoryBucketStore store = new InMemoryBucketStore();

  private static Bucket bucket(String name, String acl) {
    return new Bucket(name, "1234", "cn-hangzhou", NOW, "Standard", "LRS", acl, null);
  }

  @Test
  void findsNothingInAnEmptyStore() {
    assertThat(store.find("b")).isEmpty();
    assertThat(store.list()).isEmpty();
  }

  @Test
  void createsOnceAndReturnsTheExistingBucketAfterwards() {
    Bucket first = bucket("b", "private");
    assertThat(store.createIfAbsent(first)).isNull();
    assertThat(store.createIfAbsent(bucket("b", "public-read"))).isEqualTo(first);
    assertThat(store.find("b")).contains(first);
  }

  @Test
  void updatesAnExistingBucketAndReturnsTheNewValue() {
    store.createIfAbsent(bucket("b", "private"));
    EncryptionRule rule = EncryptionRule.of(SseAlgorithm.AES256);
    assertThat(store.update("b", b -> b.withEncryption(rule)))
        .contains(bucket("b", "private").withEncryption(rule));
    assertThat(store.find("b").orElseThrow().encryption()).isEqualTo(rule);
  }

  @Test
  void updatesNothingAndCreatesNothingForAMissingBucket() {
    assertThat(store.update("missing", b -> b.withAcl("public-read"))).isEmpty();
    assertThat(store.find("missing")).isEmpty();
  }

  @Test
  void keepsTheBucketWhenTheChangeThrows() {
    Bucket original = bucket("b", "private");
    store.createIfAbsent(original);
    assertThatThrownBy(
            () ->
                store.update(
                    "b",
                    b -> {
                      throw new IllegalStateException("refused");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("refused");
    assertThat(store.find("b")).contains(original);
  }

  @Test
  void deletesOnlyWhatExists() {
    store.createIfAbsent(bucket("b", "private"));
    assertThat(store.delete("b")).isTrue();
    assertThat(store.delete("b")).isFalse();
    assertThat(store.find("b")).isEmpty();
  }

  @Test
  void listsBucketsInNameOrder() {
    for (String name : new String[] {"b0", "a0", "a-b", "c", "a"}) {
      store.createIfAbsent(bucket(name, "private"));
    }
    assertThat(store.list()).extracting(Bucket::name).containsExactly("a", "a-b", "a0", "b0", "c");
  }

  @Test
  void listReturnsACopy() {
    store.createIfAbsent(bucket("b", "private"));
    List<Bucket> listed = store.list();
    listed.clear();
    assertThat(store.list()).hasSize(1);
  }

  @Test
  void clearRemovesEverything() {
    store.createIfAbsent(bucket("a", "private"));
    store.createIfAbsent(bucket("b", "private"));
    store.clear();
    assertThat(store.list()).isEmpty();
    assertThat(store.find("a")).isEmpty();
  }

  @Test
  void losesNoConcurrentUpdate() throws Exception {
    store.createIfAbsent(bucket("b", "0"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 500; i++) {
                    store.update(
                        "b", b -> b.withAcl(String.valueOf(Integer.parseInt(b.acl()) + 1)));
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.find("b").orElseThrow().acl()).isEqualTo("4000");
  }
}
