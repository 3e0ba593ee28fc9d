package io.predictivescaler.bench.replay;

import io.predictivescaler.bench.sim.ClusterSimulator;
import io.predictivescaler.bench.sim.Scenario;
import io.predictivescaler.bench.sim.SimulationResult;
import io.predictivescaler.bench.strategy.StrategyContext;
import io.predictivescaler.bench.strategy.StrategyFactory;
import io.predictivescaler.bench.trace.Trace;
import io.predictivescaler.bench.trace.TraceException;
import io.predictivescaler.forecast.SharedFits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs every asked-for strategy, and the sweep, over one trace.
 *
 * <p>The runs are independent (each builds a fresh strategy and simulator over the shared,
 * read-only scenario), so they run on a fixed pool of threads; results come back in the order asked
 * for, whatever order the runs finish in.
 */
public final class ReplayRunner {

  /** Most ticks one replay simulates (each run keeps a few arrays of this length). */
  public static final int MAX_TICKS = 5_000_000;

  private final StrategyFactory strategies;
  private final SweepKnobs knobs;
  private final int threads;

  /** The default sweep knobs, one thread per available processor. */
  public ReplayRunner(StrategyFactory strategies) {
    this(strategies, SweepKnobs.defaults(), Runtime.getRuntime().availableProcessors());
  }

  public ReplayRunner(StrategyFactory strategies, SweepKnobs knobs, int threads) {
    this.strategies = Objects.requireNonNull(strategies, "strategies");
    this.knobs = Objects.requireNonNull(knobs, "knobs");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.threads = threads;
  }

  /** Strategies a {@code --sweep} runs with this runner's factory and knobs, in report order. */
  public List<String> sweptStrategies() {
    return knobs.strategies().stream().filter(strategies::has).toList();
  }

  /**
   * @throws TraceException when the trace is shorter than the horizon, has no load or too many
   *     ticks
   */
  public ReplayResult run(Trace trace, ReplaySettings settings, ReplayProgress progress) {
    Scenario scenario = scenario(trace, settings);
    List<String> runnable = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (String name : settings.strategies()) {
      (strategies.has(name) ? runnable : skipped).add(name);
    }
    List<SweepRun> sweepRuns = new ArrayList<>();
    settings
        .sweep()
        .ifPresent(
            range -> {
              for (String name : sweptStrategies()) {
                SweepKnob knob = knobs.knobOf(name).orElseThrow();
                for (double value : knob.values(range)) {
                  sweepRuns.add(new SweepRun(name, knob, value));
                }
              }
            });
    long total = (long) scenario.ticks() * (runnable.size() + sweepRuns.size());
    Counter counter = new Counter(progress, total);
    SharedFits fits = SharedFits.create();

    ExecutorService pool = Executors.newFixedThreadPool(threads, new DaemonThreads());
    try {
      List<Future<SimulationResult>> mainRuns = new ArrayList<>();
      for (String name : runnable) {
        mainRuns.add(pool.submit(() -> simulate(scenario, settings, name, fits, counter, name)));
      }
      List<Future<SweepPoint>> sweepPoints = new ArrayList<>();
      for (SweepRun run : sweepRuns) {
        sweepPoints.add(pool.submit(sweepPoint(scenario, settings, run, fits, counter)));
      }
      Map<String, SimulationResult> runs = new LinkedHashMap<>();
      for (int i = 0; i < runnable.size(); i++) {
        runs.put(runnable.get(i), join(mainRuns.get(i)));
      }
      List<SweepPoint> sweep = new ArrayList<>();
      for (Future<SweepPoint> point : sweepPoints) {
        sweep.add(join(point));
      }
      return new ReplayResult(trace, scenario, settings, runs, sweep, skipped);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The trace at the control step, scaled so that its peak needs {@code peakReplicas}. */
  public static Scenario scenario(Trace trace, ReplaySettings settings) {
    if (trace.span().compareTo(settings.horizon()) < 0) {
      throw new TraceException(
          "trace "
              + trace.name()
              + " spans "
              + Durations.format(trace.span())
              + ", shorter than the horizon "
              + Durations.format(settings.horizon())
              + " (--horizon)");
    }
    long ticks = trace.span().getSeconds() / settings.step().getSeconds() + 1;
    if (ticks > MAX_TICKS) {
      throw new TraceException(
          "trace "
              + trace.name()
              + " spans "
              + Durations.format(trace.span())
              + ": "
              + ticks
              + " ticks of "
              + Durations.format(settings.step())
              + ", more than the limit "
              + MAX_TICKS
              + "; use a larger --step or a shorter trace");
    }
    Trace resampled = trace.resample(settings.step());
    double peak = resampled.peak();
    if (peak <= 0) {
      throw new TraceException("trace " + trace.name() + " has no load: every value is 0");
    }
    return new Scenario(
        resampled.start(),
        settings.step(),
        resampled.values(),
        peak / settings.peakReplicas(),
        settings.startupDelay(),
        settings.metricDelay(),
        ReplaySettings.MIN_REPLICAS);
  }

  /** Keeps only the summary of a sweep run, so its tick arrays are freed as soon as it ends. */
  private Callable<SweepPoint> sweepPoint(
      Scenario scenario, ReplaySettings settings, SweepRun run, SharedFits fits, Counter counter) {
    ReplaySettings turned = run.knob().apply(settings, run.value());
    Map<String, Object> setting = run.knob().setting(run.value());
    return () -> {
      SimulationResult result =
          simulate(
              scenario,
              turned,
              run.strategy(),
              fits,
              counter,
              SweepPoint.label(run.strategy(), setting));
      return new SweepPoint(
          run.strategy(),
          setting,
          turned.utilizationFor(run.strategy()),
          result.metrics(),
          result.bandCoverage());
    };
  }

  private SimulationResult simulate(
      Scenario scenario,
      ReplaySettings settings,
      String name,
      SharedFits fits,
      Counter counter,
      String label) {
    StrategyContext context =
        new StrategyContext(
            name,
            scenario,
            settings.utilizationFor(name),
            settings.horizon(),
            settings.maxReplicas(),
            settings.policyFile(),
            settings.hpaUtilization(),
            name.equals(StrategyFactory.PREDICTIVE) ? settings.risk() : Optional.empty(),
            fits);
    int[] reported = {0};
    return new ClusterSimulator(scenario)
        .run(
            strategies.create(name, context),
            ticks -> {
              counter.add(label, ticks - reported[0]);
              reported[0] = ticks;
            });
  }

  /** The future's value; its failure rethrown as it was thrown where it can be. */
  static <T> T join(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("replay interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private record SweepRun(String strategy, SweepKnob knob, double value) {}

  /** Ticks done over all runs; reports to the progress callback one call at a time. */
  private static final class Counter {
    private final ReplayProgress progress;
    private final long total;
    private long done;

    Counter(ReplayProgress progress, long total) {
      this.progress = progress;
      this.total = total;
    }

    synchronized void add(String label, long ticks) {
      done += ticks;
      progress.update(label, done, total);
    }
  }

  /** Daemon threads named {@code replay-N}, so that an abandoned run never holds the JVM. */
  static final class DaemonThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "replay-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
