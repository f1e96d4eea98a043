package dev.ossemu.bench;

import dev.ossemu.OssEmulator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code OssEmulator.builder().build().start()} as a test suite sees it: the first one in a fresh
 * JVM (one shot per fork), and any later one (the port bound, in the average).
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EmbeddedStartBench {
  private OssEmulator emulator;

  @TearDown(Level.Invocation)
  public void close() {
    if (emulator != null) {
      emulator.close();
      emulator = null;
    }
  }

  @Setup(Level.Invocation)
  public void none() {
    emulator = null;
  }

  /** The first start in a fresh JVM: class loading, Netty's and the chain's set-up. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Fork(5)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public OssEmulator firstStart() {
    emulator = OssEmulator.builder().port(0).build().start();
    return emulator;
  }

  /** A later start in the same JVM (each test class's own emulator). */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Fork(1)
  @Warmup(iterations = 2, time = 2)
  @Measurement(iterations = 3, time = 2)
  public OssEmulator laterStart() {
    emulator = OssEmulator.builder().port(0).build().start();
    return emulator;
  }
}
