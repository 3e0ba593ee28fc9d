package io.predictivescaler.bench.scale;

import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.counterfactual.RiskChooser;
import io.predictivescaler.core.tick.BoundedRefitScheduler;
import io.predictivescaler.core.tick.PolicyTranslation;
import io.predictivescaler.core.tick.TickListener;
import io.predictivescaler.core.tick.TickOrchestrator;
import io.predictivescaler.core.tick.TickOutcome;
import io.predictivescaler.forecast.ForecastSettings;
import io.predictivescaler.forecast.SeriesForecaster;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One fleet size through one {@link TickOrchestrator}: build and backfill the fleet, optionally
 * first-fit every workload, run a stretch of history (so that every workload has made its first
 * counterfactual re-pick and holds what it keeps for the next), run warm-up and measured ticks on a
 * virtual clock with refits on a {@link BoundedRefitScheduler} (like the service's), then measure
 * the heap the fleet holds and the CPU of a first fit and of an hourly refit on a sample of the
 * fleet's series.
 */
final class ScaleRun {

  static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  /** How a run is shaped; see {@link TickLoopScale}'s options. */
  record Options(
      Duration step,
      int ticks,
      int warmupTicks,
      int refitThreads,
      int refitQueue,
      boolean prefit,
      Duration history,
      int refitSample,
      long seed) {}

  private final Options options;

  ScaleRun(Options options) {
    this.options = options;
  }

  ScaleResult run(int n) throws InterruptedException {
    double maxHeapMiB = Runtime.getRuntime().maxMemory() / 1048576.0;
    long empty = settledHeap();
    Duration step = options.step();

    long t0 = System.nanoTime();
    SyntheticFleet fleet = new SyntheticFleet(n, step, START, options.seed());
    double buildSeconds = (System.nanoTime() - t0) / 1e9;

    BoundedRefitScheduler pool =
        new BoundedRefitScheduler(options.refitThreads(), options.refitQueue());
    CpuTimedRefits refits = new CpuTimedRefits(pool);
    TickOrchestrator orchestrator =
        new TickOrchestrator(fleet, mode -> fleet, refits, () -> true, TickListener.none());
    orchestrator.applyPolicies(fleet.policies());
    Instant now = START;

    double prefitSeconds = Double.NaN;
    if (options.prefit()) {
      int cores = Runtime.getRuntime().availableProcessors();
      ExecutorService all = Executors.newFixedThreadPool(cores);
      // At most 2 refits per core in flight, like the service's bounded queue: a queued refit
      // holds its workload's 24 h window copy, and 10,000 of them would not fit the heap.
      Semaphore slots = new Semaphore(2 * cores);
      refits.switchTo(
          (target, refit) -> {
            slots.acquireUninterruptibly();
            all.execute(
                () -> {
                  try {
                    refit.run();
                  } finally {
                    slots.release();
                  }
                });
          });
      long p0 = System.nanoTime();
      fleet.sample(now);
      orchestrator.tick(now);
      all.shutdown();
      all.awaitTermination(2, TimeUnit.HOURS);
      prefitSeconds = (System.nanoTime() - p0) / 1e9;
      refits.switchTo(pool);
      now = now.plus(step);
    }

    long historyTicks = options.history().toSeconds() / step.toSeconds();
    for (long k = 0; k < historyTicks; k++) {
      fleet.sample(now);
      orchestrator.tick(now);
      now = now.plus(step);
    }

    int ticks = options.ticks();
    long[] cpu = new long[ticks];
    long[] wall = new long[ticks];
    long gcBefore = 0;
    for (int k = 0; k < options.warmupTicks() + ticks; k++) {
      int m = k - options.warmupTicks();
      if (m == 0) {
        refits.reset();
        gcBefore = gcMillis();
      }
      fleet.sample(now);
      long c0 = THREADS.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      orchestrator.tick(now);
      long w1 = System.nanoTime();
      long c1 = THREADS.getCurrentThreadCpuTime();
      if (m >= 0) {
        cpu[m] = c1 - c0;
        wall[m] = w1 - w0;
      }
      now = now.plus(step);
    }
    long gcDuringTicks = gcMillis() - gcBefore;
    long submitted = refits.submitted();
    long ran = refits.ran();
    double observedRefitMillis = ran == 0 ? Double.NaN : refits.cpuNanos() / 1e6 / ran;
    pool.close();
    pool.shutdown(Duration.ofMinutes(5));

    long fitted =
        orchestrator.workloads().stream()
            .filter(t -> orchestrator.forecasterStatus(t).orElseThrow().modelInUse() != null)
            .count();
    long chosen = orchestrator.workloads().stream().filter(t -> hasChoice(orchestrator, t)).count();
    long loaded = settledHeap();
    Reference.reachabilityFence(orchestrator);
    Reference.reachabilityFence(fleet);

    double[] refitCost = sampleRefits(fleet, Math.min(n, options.refitSample()));
    double select = refitCost[0];
    double hourly = refitCost[1];
    WorkloadPolicy policy = fleet.policies().get(0);
    ForecastSettings settings = PolicyTranslation.forecastSettings(policy);
    double refitsPerRepick =
        Math.max(1.0, settings.repickInterval().toSeconds() / (double) policy.refit().toSeconds());
    double averaged = (select + hourly * (refitsPerRepick - 1)) / refitsPerRepick;
    double tickCpuMillis = median(cpu) / 1e6;
    double stepMillis = step.toMillis();
    double refitsPerStep = n * (double) step.toSeconds() / policy.refit().toSeconds();
    double tickShare = tickCpuMillis / stepMillis;
    double refitShare = refitsPerStep * averaged / stepMillis;
    RepickSample.Result repick =
        RepickSample.measure(Math.min(n, options.refitSample()), step, options.seed());
    double repicksPerStep = n * (double) step.toSeconds() / RiskChooser.REPICK_INTERVAL.toSeconds();
    double repickShare = repicksPerStep * repick.repickMillis() / stepMillis;
    return new ScaleResult(
        n,
        true,
        "",
        maxHeapMiB,
        buildSeconds,
        prefitSeconds,
        ticks,
        median(wall) / 1e6,
        tickCpuMillis,
        tickCpuMillis * 1000 / n,
        gcDuringTicks,
        fitted,
        submitted,
        ran,
        observedRefitMillis,
        select,
        hourly,
        averaged,
        (loaded - empty) / (double) n,
        loaded / 1048576.0,
        chosen,
        repick.repickMillis(),
        tickShare,
        refitShare,
        repickShare,
        tickShare + refitShare + repickShare);
  }

  /**
   * CPU on this thread of a first fit (auto's backtest and the fit) on the 24 h backfill, and of
   * the refit one hour later with the choice kept, for the first {@code count} workloads: medians.
   */
  private static double[] sampleRefits(SyntheticFleet fleet, int count) {
    double[] select = new double[count];
    double[] hourly = new double[count];
    Duration step = fleet.policies().get(0).step();
    Instant from = START.minus(SyntheticFleet.BACKFILL);
    Instant later = START.plus(Duration.ofHours(1));
    for (int i = 0; i < count; i++) {
      WorkloadPolicy policy = fleet.policies().get(i);
      SeriesForecaster forecaster =
          new SeriesForecaster(PolicyTranslation.forecastSettings(policy));
      var first = fleet.load(i).series(from, START, step);
      var second = fleet.load(i).series(from, later, step);
      long c0 = THREADS.getCurrentThreadCpuTime();
      forecaster.refit(first, START);
      long c1 = THREADS.getCurrentThreadCpuTime();
      forecaster.refit(second, later);
      long c2 = THREADS.getCurrentThreadCpuTime();
      select[i] = (c1 - c0) / 1e6;
      hourly[i] = (c2 - c1) / 1e6;
    }
    return new double[] {median(select), median(hourly)};
  }

  private static boolean hasChoice(TickOrchestrator orchestrator, TargetRef target) {
    return orchestrator.last(target).orElse(null) instanceof TickOutcome.Decided d
        && d.calibration() != null
        && d.calibration().choice() != null;
  }

  static long settledHeap() {
    long used = Long.MAX_VALUE;
    for (int k = 0; k < 3; k++) {
      System.gc();
      used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  private static double median(long[] values) {
    double[] d = new double[values.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = values[i];
    }
    return median(d);
  }

  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
