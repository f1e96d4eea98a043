package dev.ossemu.bench;

import dev.ossemu.blob.Crc64;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * CRC-64 of a 1 MiB body, as PutObject computes it while the body arrives: operations per second
 * are MiB/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Crc64Bench {
  private final byte[] mebibyte = new byte[1024 * 1024];

  {
    new SplittableRandom(64).nextBytes(mebibyte);
  }

  @Benchmark
  public String oneMebibyte() {
    Crc64 crc = new Crc64();
    crc.update(mebibyte, 0, mebibyte.length);
    return crc.value();
  }
}
