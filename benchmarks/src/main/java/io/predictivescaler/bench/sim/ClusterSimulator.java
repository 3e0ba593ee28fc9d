package io.predictivescaler.bench.sim;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Replays a {@link Scenario} against a {@link ScalingStrategy} on a virtual clock.
 *
 * <p>At each tick {@code i}, in this order: the strategy sees the load of tick {@code i -
 * metricTicks} and the current and Ready replicas; its answer is applied (new pods Ready at tick
 * {@code i + startupTicks}, removals at once, newest first); then the step from tick {@code i} to
 * {@code i + 1} is accounted with {@code load[i]} against the Ready replicas. Every strategy starts
 * with {@link Scenario#initialReplicas()} Ready replicas.
 *
 * <p>Pure: the only time is the scenario's virtual one.
 */
public final class ClusterSimulator {

  /** How often, in ticks, the progress callback is called (and once at the end). */
  public static final int PROGRESS_EVERY = 4096;

  private final Scenario scenario;

  public ClusterSimulator(Scenario scenario) {
    this.scenario = Objects.requireNonNull(scenario, "scenario");
  }

  public SimulationResult run(ScalingStrategy strategy) {
    return run(strategy, ticksDone -> {});
  }

  /**
   * @param progress called with the number of ticks done every {@link #PROGRESS_EVERY} ticks
   */
  public SimulationResult run(ScalingStrategy strategy, IntConsumer progress) {
    double[] load = scenario.load();
    int n = load.length;
    int startupTicks = scenario.startupTicks();
    int metricTicks = scenario.metricTicks();
    double capacity = scenario.capacityPerReplica();
    PodSet pods = new PodSet();
    pods.add(scenario.initialReplicas(), 0);
    int[] replicas = new int[n];
    int[] ready = new int[n];
    String[] tickReasons = new String[n];
    double[] chosenLevels = null;
    String[] chosenCandidates = null;
    ForecastSeries forecasts = new ForecastSeries(scenario);
    PeakBandTally peakBands = new PeakBandTally(scenario);
    Map<String, Integer> reasons = new HashMap<>();

    int overloadTicks = 0;
    int scaleUps = 0;
    int scaleDowns = 0;
    int maxReplicas = 0;
    // Load sums are kept in replicas' worth of load (load / capacity), which stays within a few
    // times peakReplicas per tick whatever the trace's units, so they never overflow.
    double unserved = 0;
    double totalLoad = 0;
    double served = 0;
    long replicaTicks = 0;
    long readyTicks = 0;
    for (int i = 0; i < n; i++) {
      int current = pods.size();
      int observed = i - metricTicks;
      Instant now = scenario.timeAt(i);
      TickInput input =
          new TickInput(
              i,
              now,
              scenario.timeAt(observed),
              observed >= 0 ? load[observed] : Double.NaN,
              current,
              pods.readyAt(i));
      Decision decision = strategy.decide(input);
      if (decision == null) {
        throw new IllegalStateException(
            "strategy returned no decision at tick " + i + " (" + now + ")");
      }
      int desired = decision.replicas();
      if (desired > current) {
        pods.add(desired - current, i + startupTicks);
        scaleUps++;
      } else if (desired < current) {
        pods.removeNewest(current - desired);
        scaleDowns++;
      }
      reasons.merge(decision.reason(), 1, Integer::sum);
      tickReasons[i] = decision.reason();
      if (decision.forecast() != null) {
        forecasts.record(decision.forecast());
      }
      if (decision.peakBands() != null) {
        peakBands.record(decision.peakBands());
        if (chosenLevels == null) {
          chosenLevels = new double[n];
          Arrays.fill(chosenLevels, Double.NaN);
          chosenCandidates = new String[n];
        }
        chosenLevels[i] = decision.peakBands().chosenLevel();
        chosenCandidates[i] = decision.peakBands().chosenCandidate();
      }

      int readyNow = pods.readyAt(i);
      replicas[i] = desired;
      ready[i] = readyNow;
      double needed = load[i] / capacity;
      if (scenario.overloaded(load[i], readyNow)) {
        overloadTicks++;
        unserved += needed - readyNow;
      }
      served += Math.min(needed, readyNow);
      totalLoad += needed;
      replicaTicks += desired;
      readyTicks += readyNow;
      maxReplicas = Math.max(maxReplicas, desired);
      if ((i + 1) % PROGRESS_EVERY == 0) {
        progress.accept(i + 1);
      }
    }
    progress.accept(n);

    double stepHours = scenario.stepSeconds() / 3600.0;
    ReplayMetrics metrics =
        new ReplayMetrics(
            overloadTicks * scenario.stepSeconds() / 60.0,
            totalLoad > 0 ? unserved / totalLoad : 0,
            replicaTicks * stepHours,
            scaleUps + scaleDowns,
            scaleUps,
            scaleDowns,
            readyTicks * stepHours,
            readyTicks > 0 ? served / readyTicks : 0,
            maxReplicas);
    return new SimulationResult(
        scenario,
        replicas,
        ready,
        forecasts.point,
        forecasts.lower,
        forecasts.upper,
        forecasts.mostFrequentModel(),
        sortedByCount(reasons),
        tickReasons,
        chosenLevels,
        chosenCandidates,
        peakBands.result(),
        metrics);
  }

  private static Map<String, Integer> sortedByCount(Map<String, Integer> counts) {
    Map<String, Integer> sorted = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  /** Forecasts placed at the tick they target; allocated on the first forecast. */
  private static final class ForecastSeries {
    private final Scenario scenario;
    private final Map<String, Integer> models = new HashMap<>();
    double[] point;
    double[] lower;
    double[] upper;

    ForecastSeries(Scenario scenario) {
      this.scenario = scenario;
    }

    void record(Forecast forecast) {
      if (point == null) {
        point = nanArray(scenario.ticks());
        lower = nanArray(scenario.ticks());
        upper = nanArray(scenario.ticks());
      }
      models.merge(forecast.model(), 1, Integer::sum);
      long offset = forecast.target().getEpochSecond() - scenario.start().getEpochSecond();
      long tick = Math.round((double) offset / scenario.stepSeconds());
      if (tick >= 0 && tick < point.length) {
        int t = (int) tick;
        point[t] = forecast.point();
        lower[t] = forecast.lower();
        upper[t] = forecast.upper();
      }
    }

    String mostFrequentModel() {
      return models.entrySet().stream()
          .max(
              Map.Entry.<String, Integer>comparingByValue()
                  .thenComparing(Map.Entry.comparingByKey()))
          .map(Map.Entry::getKey)
          .orElse(null);
    }

    private static double[] nanArray(int n) {
      double[] values = new double[n];
      Arrays.fill(values, Double.NaN);
      return values;
    }
  }
}
