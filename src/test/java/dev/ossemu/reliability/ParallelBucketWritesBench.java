package dev.ossemu.reliability;

import dev.ossemu.reliability.StoreHarness.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How writes with {@code --data-dir} scale when they go to different buckets rather than one:
 * {@code THREADS} writers, each doing {@code WRITES} PutObjects, into one shared bucket or a bucket
 * each. Run with {@code mvn -B -q test-compile} then {@code java -cp target/test-classes:... } or
 * from an IDE; prints writes per second for both layouts. Not part of the build: a measurement.
 */
public final class ParallelBucketWritesBench {
  private static final int THREADS = 4;
  private static final int WRITES = 200;

  private ParallelBucketWritesBench() {}

  public static void main(String[] args) throws Exception {
    for (int run = 0; run < 2; run++) {
      System.out.printf("one bucket:      %.0f writes/s%n", measure(false));
      System.out.printf("bucket each:     %.0f writes/s%n", measure(true));
    }
  }

  private static double measure(boolean bucketEach) throws Exception {
    Path dir = Files.createTempDirectory("ossemu-bench");
    try (StoreHarness oss = new StoreHarness(Kind.DISK, dir, 1L << 30)) {
      for (int t = 0; t < THREADS; t++) {
        oss.send("PUT", "/bench-" + t);
      }
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      long start = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        String bucket = "/bench-" + (bucketEach ? t : 0);
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < WRITES; i++) {
                    oss.send("PUT", bucket + "/k-" + thread + "-" + i, "x".repeat(4096));
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      pool.shutdown();
      return THREADS * WRITES / seconds;
    }
  }
}
