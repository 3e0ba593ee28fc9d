package io.predictivescaler.bench.replay;

import io.predictivescaler.bench.sim.ClusterSimulator;
import io.predictivescaler.bench.sim.Scenario;
import io.predictivescaler.bench.sim.SimulationResult;
import io.predictivescaler.bench.strategy.StrategyContext;
import io.predictivescaler.bench.strategy.StrategyFactory;
import io.predictivescaler.bench.trace.Trace;
import io.predictivescaler.bench.trace.TraceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Runs every asked-for strategy, and the sweep, over one trace. */
public final class ReplayRunner {

  /** Most ticks one replay simulates (each run keeps a few arrays of this length). */
  public static final int MAX_TICKS = 5_000_000;

  private final StrategyFactory strategies;

  public ReplayRunner(StrategyFactory strategies) {
    this.strategies = Objects.requireNonNull(strategies, "strategies");
  }

  /**
   * @throws TraceException when the trace is shorter than the horizon or has no load
   */
  public ReplayResult run(Trace trace, ReplaySettings settings, ReplayProgress progress) {
    Scenario scenario = scenario(trace, settings);
    List<String> runnable = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (String name : settings.strategies()) {
      (strategies.has(name) ? runnable : skipped).add(name);
    }
    List<String> swept = StrategyFactory.SWEPT.stream().filter(strategies::has).toList();
    List<Double> utilizations = settings.sweep().map(SweepRange::values).orElse(List.of());
    long total = (long) scenario.ticks() * (runnable.size() + swept.size() * utilizations.size());
    Counter counter = new Counter(progress, total);

    Map<String, SimulationResult> runs = new LinkedHashMap<>();
    for (String name : runnable) {
      runs.put(
          name, simulate(scenario, settings, name, settings.utilizationFor(name), counter, name));
    }
    List<SweepPoint> sweep = new ArrayList<>();
    for (String name : swept) {
      for (double utilization : utilizations) {
        SimulationResult run =
            simulate(scenario, settings, name, utilization, counter, name + "@" + utilization);
        sweep.add(new SweepPoint(name, utilization, run.metrics()));
      }
    }
    return new ReplayResult(trace, scenario, settings, runs, sweep, skipped);
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

  private SimulationResult simulate(
      Scenario scenario,
      ReplaySettings settings,
      String name,
      double utilization,
      Counter counter,
      String label) {
    StrategyContext context =
        new StrategyContext(
            name,
            scenario,
            utilization,
            settings.horizon(),
            settings.maxReplicas(),
            settings.policyFile(),
            settings.hpaUtilization());
    long before = counter.done;
    SimulationResult result =
        new ClusterSimulator(scenario)
            .run(strategies.create(name, context), ticks -> counter.report(label, before + ticks));
    counter.done = before + scenario.ticks();
    return result;
  }

  private static final class Counter {
    private final ReplayProgress progress;
    private final long total;
    long done;

    Counter(ReplayProgress progress, long total) {
      this.progress = progress;
      this.total = total;
    }

    void report(String label, long ticksDone) {
      progress.update(label, ticksDone, total);
    }
  }
}
