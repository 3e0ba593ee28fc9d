package io.predictivescaler.bench.replay;

import io.predictivescaler.bench.cli.ReplayCommand;
import io.predictivescaler.bench.sim.Scenario;
import io.predictivescaler.bench.sim.SimulationResult;
import io.predictivescaler.bench.strategy.LastValueTestStrategy;
import io.predictivescaler.bench.strategy.StrategyFactory;
import io.predictivescaler.bench.trace.Trace;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small replay with every chart the report can draw, using test doubles. */
public final class ReplayFixtures {

  private ReplayFixtures() {}

  /** Factory with test doubles under the names {@code hpa} and {@code predictive}. */
  public static StrategyFactory testFactory() {
    return StrategyFactory.defaults()
        .with(StrategyFactory.HPA, context -> new LastValueTestStrategy(context, 0))
        .with(StrategyFactory.PREDICTIVE, LastValueTestStrategy::new);
  }

  /** Two days of a daily wave with a spike, at 5 minutes: enough for seasonal-naive scoring. */
  public static Trace dailyWave() {
    int points = 2 * 288;
    long[] times = new long[points];
    double[] values = new double[points];
    java.util.Random noise = new java.util.Random(1);
    for (int i = 0; i < points; i++) {
      times[i] = 1_700_000_000L - 1_700_000_000L % 86_400 + 300L * i;
      values[i] =
          100
              + 60 * Math.sin(2 * Math.PI * i / 288)
              + (i % 288 == 150 ? 120 : 0)
              + 8 * noise.nextDouble();
    }
    return new Trace("daily-wave.csv", times, values, Duration.ofMinutes(5), 0);
  }

  /** Five-minute points with the given values, from the same start as {@link #dailyWave()}. */
  public static Trace withValues(double[] values) {
    long[] times = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      times[i] = 1_700_000_000L - 1_700_000_000L % 86_400 + 300L * i;
    }
    return new Trace("values.csv", times, values, Duration.ofMinutes(5), 0);
  }

  public static ReplayResult fullReplay() {
    return replay(dailyWave());
  }

  /** {@code trace} through the test doubles and the oracle, with a small sweep. */
  public static ReplayResult replay(Trace trace) {
    ReplaySettings settings =
        new ReplaySettings(
            10,
            Duration.ofSeconds(60),
            Duration.ofMinutes(10),
            Duration.ofSeconds(90),
            Duration.ofSeconds(30),
            0.9,
            0.8,
            List.of("hpa", "predictive", "oracle"),
            java.util.Optional.of(SweepRange.parse("0.6:0.9:0.1")),
            java.util.Optional.empty());
    return new ReplayRunner(testFactory()).run(trace, settings, ReplayProgress.NONE);
  }

  /** {@code trace} through the real hpa and predictive at the replay command's defaults. */
  public static ReplayResult replayDefaults(Trace trace) {
    ReplaySettings settings = ReplayCommand.settingsFor("--strategies", "hpa,predictive");
    return new ReplayRunner(StrategyFactory.defaults(), SweepKnobs.defaults(), 2)
        .run(trace, settings, ReplayProgress.NONE);
  }

  /** {@code result} with {@code strategy}'s run replaced by {@code run}, the order kept. */
  public static ReplayResult withRun(ReplayResult result, String strategy, SimulationResult run) {
    Map<String, SimulationResult> runs = new LinkedHashMap<>(result.runs());
    runs.put(strategy, run);
    return new ReplayResult(
        result.trace(),
        result.scenario(),
        result.settings(),
        runs,
        result.sweep(),
        result.skipped());
  }

  /**
   * Minutes of {@code strategy}'s run in [from, from + span) whose load exceeded Ready capacity.
   */
  public static double overloadMinutes(
      ReplayResult result, String strategy, Instant from, Duration span) {
    SimulationResult run = result.runs().get(strategy);
    Scenario scenario = run.scenario();
    int first =
        (int) (Duration.between(scenario.start(), from).getSeconds() / scenario.stepSeconds());
    int end =
        Math.min(scenario.ticks(), first + (int) (span.getSeconds() / scenario.stepSeconds()));
    int overloaded = 0;
    for (int t = first; t < end; t++) {
      if (scenario.overloaded(scenario.load()[t], run.ready()[t])) {
        overloaded++;
      }
    }
    return overloaded * scenario.stepSeconds() / 60.0;
  }
}
