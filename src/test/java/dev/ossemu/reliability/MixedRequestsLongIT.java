package dev.ossemu.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.reliability.StoreHarness.Answer;
import dev.ossemu.reliability.StoreHarness.Kind;
import dev.ossemu.testing.TestService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * {@code long.requests} (default 10^6) mixed requests from 4 threads through the service chain (in
 * memory): puts, gets, copies, appends, deletes, multipart and listings on shared keys. No answer
 * is a 5xx, and afterwards the quota equals the bytes stored and is 0 after a reset. Figures go to
 * {@code target/reliability/mixed-requests.txt}.
 */
class MixedRequestsLongIT {
  private static final String[] BUCKETS = {"mixed-a", "mixed-b"};
  private static final int THREADS = 4;

  @Test
  void aMillionMixedRequestsLeaveExactAccounting() throws Exception {
    long requests = Long.getLong("long.requests", 1_000_000L);
    Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    long start = System.nanoTime();
    try (StoreHarness oss = new StoreHarness(Kind.MEMORY, null, 64L << 20)) {
      for (String bucket : BUCKETS) {
        oss.send("PUT", "/" + bucket);
      }
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        long seed = t;
        done.add(pool.submit(() -> run(oss, new Random(seed), requests / THREADS, statuses)));
      }
      for (Future<?> future : done) {
        future.get(2, TimeUnit.HOURS);
      }
      pool.shutdown();
      assertThat(statuses.keySet()).allMatch(status -> status < 500);
      assertThat(oss.quota.used()).isEqualTo(oss.heldBytes(BUCKETS));
      oss.objects.clear();
      assertThat(oss.quota.used()).isZero();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Path report = Path.of("target", "reliability", "mixed-requests.txt");
    Files.createDirectories(report.getParent());
    Files.writeString(
        report,
        String.format(
            "requests=%d seconds=%.0f statuses=%s server_errors=0%n", requests, seconds, statuses));
  }

  private static void run(
      StoreHarness oss, Random random, long count, Map<Integer, AtomicLong> statuses) {
    for (long i = 0; i < count; i++) {
      String bucket = BUCKETS[random.nextInt(2)];
      String object = "/" + bucket + "/k" + random.nextInt(32);
      Answer answer =
          switch (random.nextInt(10)) {
            case 0, 1 -> oss.send("PUT", object, "v".repeat(random.nextInt(4096)));
            case 2, 3 -> oss.send("GET", object);
            case 4 -> oss.send("DELETE", object);
            case 5 ->
                oss.send(
                    TestService.OWNER,
                    "PUT",
                    object,
                    Map.of("x-oss-copy-source", "/" + bucket + "/k" + random.nextInt(32)),
                    null);
            case 6 -> oss.send("POST", object + "?append&position=0", "a".repeat(100));
            case 7 -> oss.send("GET", "/" + bucket + "/?max-keys=10&prefix=k1");
            case 8 -> multipart(oss, object, random);
            default -> oss.send("HEAD", object);
          };
      statuses.computeIfAbsent(answer.status(), s -> new AtomicLong()).incrementAndGet();
    }
  }

  private static Answer multipart(StoreHarness oss, String object, Random random) {
    String id =
        StoreHarness.between(oss.send("POST", object + "?uploads").body(), "<UploadId>", "<");
    Answer part = oss.send("PUT", object + "?partNumber=1&uploadId=" + id, "part");
    if (random.nextBoolean()) {
      return oss.send("DELETE", object + "?uploadId=" + id);
    }
    return oss.send(
        "POST",
        object + "?uploadId=" + id,
        "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"
            + part.headers().get("ETag")
            + "</ETag></Part></CompleteMultipartUpload>");
  }
}
