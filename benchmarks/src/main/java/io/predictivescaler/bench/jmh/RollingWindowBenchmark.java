package io.predictivescaler.bench.jmh;

import io.predictivescaler.collector.window.RollingWindow;
import io.predictivescaler.collector.window.WindowSnapshot;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rolling window cost: append throughput, snapshot cost, and retained bytes per sample.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main
 * RollingWindowBenchmark -f 1 -wi 2 -i 3}
 */
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class RollingWindowBenchmark {

  private static final Duration STEP = Duration.ofSeconds(15);
  private static final long STEP_MILLIS = STEP.toMillis();
  private static final int SERIES = 1_000;
  private static final int SLOTS_24H = 24 * 240;

  /** One window, appended to one slot after another (the collector's steady state). */
  @State(Scope.Thread)
  public static class Appending {
    RollingWindow window;
    float[] values;
    long t;
    int i;

    @Setup(Level.Iteration)
    public void setUp() {
      window = RollingWindow.withDefaultRetention(STEP);
      SplittableRandom random = new SplittableRandom(42);
      values = new float[4096];
      for (int k = 0; k < values.length; k++) {
        values[k] = (float) (random.nextDouble() * 500);
      }
      t = 1_700_000_000_000L;
    }
  }

  /** A full 26 h window at 15 s. */
  @State(Scope.Thread)
  public static class Full {
    RollingWindow window;
    Instant lastHour;

    @Setup(Level.Trial)
    public void setUp() {
      window = RollingWindow.withDefaultRetention(STEP);
      long t = 1_700_000_000_000L;
      for (int k = 0; k < window.capacity() + 17; k++, t += STEP_MILLIS) {
        window.append(t, k % 1000, t);
      }
      lastHour = Instant.ofEpochMilli(t).minus(Duration.ofHours(1));
    }
  }

  /** Reports heap retained per sample as a secondary result. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Footprint {
    public double bytesPerSample;
    public double heapMiB;
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Object append(Appending s) {
    s.t += STEP_MILLIS;
    return s.window.append(s.t, s.values[s.i++ & 4095], s.t);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public WindowSnapshot snapshotFull(Full s) {
    return s.window.snapshot();
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public WindowSnapshot snapshotLastHour(Full s) {
    return s.window.snapshot(s.lastHour);
  }

  /**
   * Fills 1,000 windows of 24 h at 15 s and measures the heap they retain: used heap after full GCs
   * with the windows reachable, minus used heap after full GCs once they are dropped, divided by
   * the samples held (5.76 M). This counts the float arrays, the window objects and the array
   * holding them.
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public int bytesPerSample(Footprint footprint) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = settledHeap(memory);
    RollingWindow[] windows = new RollingWindow[SERIES];
    long t0 = 1_700_000_000_000L;
    for (int s = 0; s < SERIES; s++) {
      RollingWindow w = new RollingWindow(STEP, Duration.ofHours(24));
      long t = t0;
      for (int k = 0; k < SLOTS_24H; k++, t += STEP_MILLIS) {
        w.append(t, (s + k) % 1000, t);
      }
      windows[s] = w;
    }
    long with = settledHeap(memory);
    long samples = (long) SERIES * SLOTS_24H;
    footprint.bytesPerSample = (double) (with - before) / samples;
    footprint.heapMiB = (with - before) / (1024.0 * 1024.0);
    int check = 0;
    for (RollingWindow w : windows) {
      check += w.size();
    }
    return check;
  }

  private static long settledHeap(MemoryMXBean memory) {
    long used = Long.MAX_VALUE;
    for (int k = 0; k < 5; k++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
