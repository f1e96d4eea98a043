package dev.ossemu.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.reliability.StoreHarness.Kind;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A soak: mixed writes and reads with {@code --data-dir} for {@code soak.minutes} (default 30;
 * {@code -Dsoak.minutes=2} for a short run) over a bounded key space, sampling the heap after a GC
 * and the process RSS every 10 seconds. Bound: the heap after GC stays under 128 MiB (the live data
 * is at most 64 keys of 64 KiB) and the RSS of the last sample is at most 1.25 times the first
 * sample after warm-up, plus 64 MiB. Samples go to {@code target/reliability/soak.txt}.
 */
class SoakLongIT {
  private static final long HEAP_BOUND = 128L << 20;

  @TempDir Path dir;

  @Test
  void memoryStaysBoundedUnderSteadyLoad() throws Exception {
    long minutes = Long.getLong("soak.minutes", 30);
    long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
    List<long[]> samples = new ArrayList<>(); // {seconds, heap after GC, RSS}
    long start = System.nanoTime();
    long nextSample = start;
    long requests = 0;
    Random random = new Random(7);
    try (StoreHarness oss = new StoreHarness(Kind.DISK, dir, 1L << 30)) {
      oss.send("PUT", "/soak-bucket");
      while (System.nanoTime() < end) {
        String object = "/soak-bucket/k" + random.nextInt(64);
        switch (random.nextInt(4)) {
          case 0 -> oss.send("PUT", object, "s".repeat(random.nextInt(64 * 1024)));
          case 1 -> oss.send("DELETE", object);
          default -> oss.send("GET", object);
        }
        requests++;
        if (System.nanoTime() >= nextSample) {
          samples.add(sample(start));
          nextSample += TimeUnit.SECONDS.toNanos(10);
        }
      }
      samples.add(sample(start));
    }
    Path report = Path.of("target", "reliability", "soak.txt");
    Files.createDirectories(report.getParent());
    StringBuilder text = new StringBuilder("minutes=" + minutes + " requests=" + requests + "\n");
    samples.forEach(
        s ->
            text.append(s[0])
                .append("s heap=")
                .append(s[1] >> 20)
                .append("MiB rss=")
                .append(s[2] >> 20)
                .append("MiB\n"));
    Files.writeString(report, text);
    assertThat(samples).allSatisfy(s -> assertThat(s[1]).isLessThan(HEAP_BOUND));
    long firstRss = samples.get(Math.min(1, samples.size() - 1))[2];
    long lastRss = samples.get(samples.size() - 1)[2];
    assertThat(lastRss).isLessThanOrEqualTo(firstRss + firstRss / 4 + (64L << 20));
  }

  private static long[] sample(long start) throws Exception {
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long rss = 0;
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        rss = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
      }
    }
    return new long[] {TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start), heap, rss};
  }
}
