package io.predictivescaler.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.predictivescaler.bench.sim.Scenario;
import io.predictivescaler.bench.strategy.LastValueTestStrategy;
import io.predictivescaler.bench.strategy.OracleStrategy;
import io.predictivescaler.bench.strategy.StrategyFactory;
import io.predictivescaler.bench.trace.Trace;
import io.predictivescaler.bench.trace.TraceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplayRunnerTest {

  static ReplaySettings settings(Duration horizon, List<String> strategies, SweepRange sweep) {
    return new ReplaySettings(
        10,
        Duration.ofSeconds(15),
        horizon,
        Duration.ofSeconds(90),
        Duration.ofSeconds(30),
        0.9,
        0.8,
        strategies,
        Optional.ofNullable(sweep),
        Optional.empty());
  }

  static Trace sine(int points) {
    long[] times = new long[points];
    double[] values = new double[points];
    for (int i = 0; i < points; i++) {
      times[i] = 1_700_000_000L + 60L * i;
      values[i] = 100 + 80 * Math.sin(i / 20.0);
    }
    return new Trace("sine.csv", times, values, Duration.ofMinutes(1), 0);
  }

  @Test
  void scalesThePeakToPeakReplicas() {
    Trace trace = sine(200);

    Scenario scenario =
        ReplayRunner.scenario(trace, settings(Duration.ofMinutes(10), List.of(), null));

    double peak = 0;
    for (double v : scenario.load()) {
      peak = Math.max(peak, v);
    }
    assertThat(scenario.capacityPerReplica()).isCloseTo(peak / 10, within(1e-9));
    assertThat(scenario.ticks()).isEqualTo((200 - 1) * 4 + 1);
    assertThat(scenario.startupTicks()).isEqualTo(6);
    assertThat(scenario.metricTicks()).isEqualTo(2);
  }

  @Test
  void traceShorterThanTheHorizonIsAnError() {
    Trace trace = sine(5);

    assertThatThrownBy(
            () ->
                new ReplayRunner(StrategyFactory.defaults())
                    .run(
                        trace,
                        settings(Duration.ofMinutes(10), List.of("oracle"), null),
                        ReplayProgress.NONE))
        .isInstanceOf(TraceException.class)
        .hasMessageContaining("4m")
        .hasMessageContaining("10m")
        .hasMessageContaining("--horizon");
  }

  @Test
  void traceWithTooManyTicksAtTheStepIsAnErrorNamingTheStep() {
    Trace wide =
        new Trace(
            "wide.csv",
            new long[] {0, 2_000_000_000L},
            new double[] {1, 2},
            Duration.ofSeconds(2_000_000_000L),
            0);

    assertThatThrownBy(
            () -> ReplayRunner.scenario(wide, settings(Duration.ofMinutes(10), List.of(), null)))
        .isInstanceOf(TraceException.class)
        .hasMessageContaining("wide.csv")
        .hasMessageContaining("limit " + ReplayRunner.MAX_TICKS)
        .hasMessageContaining("--step");
  }

  @Test
  void allZeroTraceIsAnError() {
    Trace zero =
        new Trace("zero.csv", new long[] {0, 60, 120}, new double[3], Duration.ofMinutes(1), 0);

    assertThatThrownBy(
            () -> ReplayRunner.scenario(zero, settings(Duration.ofMinutes(1), List.of(), null)))
        .hasMessageContaining("zero.csv")
        .hasMessageContaining("no load");
  }

  @Test
  void runsAvailableStrategiesInOrderAndSkipsTheRest() {
    StrategyFactory factory =
        StrategyFactory.empty()
            .with("oracle", OracleStrategy::new)
            .with("hpa", LastValueTestStrategy::new);

    ReplayResult result =
        new ReplayRunner(factory)
            .run(
                sine(300),
                settings(Duration.ofMinutes(10), List.of("oracle", "predictive", "hpa"), null),
                ReplayProgress.NONE);

    assertThat(result.runs().keySet()).containsExactly("oracle", "hpa");
    assertThat(result.skipped()).containsExactly("predictive");
    assertThat(result.runs().get("oracle").metrics().overloadMinutes()).isZero();
  }

  @Test
  void sweepRunsEachAvailableSweptStrategyAtEachUtilization() {
    StrategyFactory factory =
        StrategyFactory.empty()
            .with("oracle", OracleStrategy::new)
            .with("hpa", LastValueTestStrategy::new);
    List<Long> progress = new ArrayList<>();

    ReplayResult result =
        new ReplayRunner(factory)
            .run(
                sine(300),
                settings(
                    Duration.ofMinutes(10),
                    List.of("hpa", "oracle"),
                    SweepRange.parse("0.6:0.9:0.1")),
                (run, done, total) -> progress.add(total - done));

    assertThat(result.sweep())
        .extracting(SweepPoint::utilization)
        .containsExactly(0.6, 0.7, 0.8, 0.9);
    assertThat(result.sweep()).allMatch(p -> p.strategy().equals("hpa"));
    double lowest = result.sweep().get(0).metrics().replicaHours();
    double highest = result.sweep().get(3).metrics().replicaHours();
    assertThat(lowest).isGreaterThan(highest);
    assertThat(progress).last().isEqualTo(0L);
  }

  @Test
  void eachStrategyRunsAtItsOwnUtilization() {
    ReplaySettings settings = settings(Duration.ofMinutes(10), List.of(), null);

    assertThat(settings.utilizationFor("hpa")).isEqualTo(0.8);
    assertThat(settings.utilizationFor("predictive")).isEqualTo(0.9);
    assertThat(settings.utilizationFor("oracle")).isEqualTo(1.0);
  }

  @Test
  void sweepEntriesNameTheKnobAndValueTheyRanAt() {
    ReplayResult result =
        new ReplayRunner(ReplayFixtures.testFactory())
            .run(
                sine(300),
                settings(Duration.ofMinutes(10), List.of("hpa"), SweepRange.parse("0.6:0.7:0.1")),
                ReplayProgress.NONE);

    List<SweepPoint> predictive =
        result.sweep().stream().filter(p -> p.strategy().equals("predictive")).toList();
    assertThat(result.sweep())
        .extracting(SweepPoint::label)
        .startsWith("hpa@0.6", "hpa@0.7", "predictive@risk=1.0E-5,0.9");
    assertThat(result.sweep().get(0).setting()).containsExactly(Map.entry("utilization", 0.6));
    assertThat(predictive).hasSize(new RiskKnob().values(SweepRange.parse("0.6:0.7:0.1")).size());
    assertThat(predictive).allSatisfy(p -> assertThat(p.setting()).containsKey("risk"));
    assertThat(predictive.get(0).setting())
        .containsExactly(Map.entry("risk", 1.0E-5), Map.entry("utilization", 0.9));
    assertThat(predictive.get(0).utilization()).isEqualTo(0.9);
    assertThat(predictive.get(predictive.size() - 2).setting())
        .containsExactly(Map.entry("risk", 0.3), Map.entry("utilization", 1.2));
    assertThat(predictive.get(predictive.size() - 2).utilization()).isEqualTo(1.2);
    assertThat(predictive)
        .filteredOn(p -> p.setting().size() == 1)
        .extracting(p -> p.setting().get("risk"))
        .containsSequence(0.2, 0.3, "hpa");
    assertThat(predictive.get(predictive.size() - 1).setting())
        .containsExactly(Map.entry("risk", "hpa"));
    assertThat(predictive.get(predictive.size() - 1).label()).isEqualTo("predictive@risk=hpa");
    assertThat(predictive.get(predictive.size() - 1).utilization()).isEqualTo(1.0);
  }

  @Test
  void aStrategyCanSweepItsOwnKnob() {
    SweepKnob quantile =
        new SweepKnob() {
          @Override
          public String name() {
            return "quantile";
          }

          @Override
          public List<Double> values(SweepRange range) {
            return List.of(0.9, 0.99);
          }

          @Override
          public ReplaySettings apply(ReplaySettings settings, double value) {
            return settings.withUtilizationFor("predictive", value);
          }
        };
    SweepKnobs knobs = SweepKnobs.empty().with("predictive", quantile);

    ReplayResult result =
        new ReplayRunner(ReplayFixtures.testFactory(), knobs, 2)
            .run(
                sine(300),
                settings(Duration.ofMinutes(10), List.of("hpa"), SweepRange.parse("0.6:0.9:0.1")),
                ReplayProgress.NONE);

    assertThat(result.sweep())
        .extracting(SweepPoint::label)
        .containsExactly("predictive@quantile=0.9", "predictive@quantile=0.99");
    assertThat(result.sweep().get(1).setting()).containsExactly(Map.entry("quantile", 0.99));
    assertThat(result.sweep().get(1).utilization()).isEqualTo(0.99);
    assertThat(result.sweep().get(1).bandCoverage()).isBetween(0.0, 1.0);
  }

  @Test
  void parallelRunsGiveTheSameResultsInTheSameOrderAsOneThread() {
    Trace trace = sine(600);
    ReplaySettings settings =
        settings(
            Duration.ofMinutes(10),
            List.of("hpa", "predictive", "oracle"),
            SweepRange.parse("0.8:0.9:0.1"));
    List<Long> progress = new ArrayList<>();

    ReplayResult serial =
        new ReplayRunner(StrategyFactory.defaults(), SweepKnobs.defaults(), 1)
            .run(trace, settings, ReplayProgress.NONE);
    ReplayResult parallel =
        new ReplayRunner(StrategyFactory.defaults(), SweepKnobs.defaults(), 4)
            .run(trace, settings, (run, done, total) -> progress.add(done));

    assertThat(parallel.runs().keySet()).containsExactly("hpa", "predictive", "oracle");
    parallel
        .runs()
        .forEach(
            (name, run) -> assertThat(run.metrics()).isEqualTo(serial.runs().get(name).metrics()));
    assertThat(parallel.sweep()).isEqualTo(serial.sweep());
    int sweepRuns = 2 + new RiskKnob().values(SweepRange.parse("0.8:0.9:0.1")).size();
    assertThat(progress)
        .isSorted()
        .last()
        .isEqualTo((long) parallel.scenario().ticks() * (3 + sweepRuns));
  }

  @Test
  void sweepRunsSharingFitsGiveWhatEachWouldAlone() {
    Trace trace = sine(2 * 1_440);
    ReplaySettings base =
        settings(Duration.ofMinutes(10), List.of("predictive"), SweepRange.parse("0.8:0.9:0.1"));
    double budget = 0.01;

    ReplayResult swept =
        new ReplayRunner(StrategyFactory.defaults(), SweepKnobs.defaults(), 2)
            .run(trace, base, ReplayProgress.NONE);
    ReplaySettings alone =
        new RiskKnob()
            .apply(
                settings(Duration.ofMinutes(10), List.of("predictive"), null),
                RiskKnob.valueOf(budget));
    ReplayResult single =
        new ReplayRunner(StrategyFactory.defaults(), SweepKnobs.defaults(), 1)
            .run(trace, alone, ReplayProgress.NONE);

    SweepPoint point =
        swept.sweep().stream()
            .filter(p -> p.strategy().equals("predictive"))
            .filter(p -> Double.valueOf(budget).equals(p.setting().get("risk")))
            .filter(p -> p.setting().size() == 1)
            .findFirst()
            .orElseThrow();
    assertThat(point.metrics()).isEqualTo(single.runs().get("predictive").metrics());
  }
}
