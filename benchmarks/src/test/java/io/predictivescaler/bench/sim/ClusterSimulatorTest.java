package io.predictivescaler.bench.sim;

import static io.predictivescaler.bench.sim.TestScenarios.CAPACITY;
import static io.predictivescaler.bench.sim.TestScenarios.concat;
import static io.predictivescaler.bench.sim.TestScenarios.repeat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterSimulatorTest {

  private static final int STARTUP = 6;
  private static final int METRIC = 2;
  private static final double STEP_MINUTES = 0.25;
  private static final double STEP_HOURS = 15 / 3600.0;

  @Test
  void loadStepIsOverloadedUntilTheLateScaleUpIsReady() {
    int before = 10;
    int after = 20;
    Scenario scenario =
        TestScenarios.ofNeeds(STARTUP, METRIC, concat(repeat(2, before), repeat(5, after)));

    SimulationResult result =
        new ClusterSimulator(scenario).run(new ReactiveTestStrategy(CAPACITY));

    int overloadTicks = METRIC + STARTUP;
    int lowTicks = before + METRIC;
    ReplayMetrics m = result.metrics();
    assertThat(m.overloadMinutes()).isCloseTo(overloadTicks * STEP_MINUTES, within(1e-9));
    double unserved = overloadTicks * (5 - 2) * CAPACITY;
    double total = (before * 2 + after * 5) * CAPACITY;
    assertThat(m.unservedFraction()).isCloseTo(unserved / total, within(1e-9));
    double replicaTicks = lowTicks * 2 + (before + after - lowTicks) * 5;
    assertThat(m.replicaHours()).isCloseTo(replicaTicks * STEP_HOURS, within(1e-9));
    assertThat(m.scaleEvents()).isEqualTo(1);
    assertThat(result.ready()[before + overloadTicks - 1]).isEqualTo(2);
    assertThat(result.ready()[before + overloadTicks]).isEqualTo(5);
  }

  @Test
  void scaleDownTakesEffectAtOnce() {
    Scenario scenario =
        TestScenarios.ofNeeds(STARTUP, METRIC, concat(repeat(4, 10), repeat(1, 10)));

    SimulationResult result =
        new ClusterSimulator(scenario).run(new ReactiveTestStrategy(CAPACITY));

    assertThat(result.replicas()[10 + METRIC - 1]).isEqualTo(4);
    assertThat(result.replicas()[10 + METRIC]).isEqualTo(1);
    assertThat(result.ready()[10 + METRIC]).isEqualTo(1);
    assertThat(result.metrics().overloadMinutes()).isZero();
    assertThat(result.metrics().scaleDowns()).isEqualTo(1);
  }

  @Test
  void strategySeesLoadMetricDelayLateAndNaNBeforeTheFirstSample() {
    Scenario scenario = TestScenarios.ofLoad(STARTUP, METRIC, 10, 20, 30, 40, 50);
    List<TickInput> seen = new ArrayList<>();

    new ClusterSimulator(scenario)
        .run(
            tick -> {
              seen.add(tick);
              return Decision.of(tick.currentReplicas(), "Hold");
            });

    assertThat(seen).hasSize(5);
    assertThat(seen.get(0).observedLoad()).isNaN();
    assertThat(seen.get(1).hasObservation()).isFalse();
    assertThat(seen.get(2).observedLoad()).isEqualTo(10);
    assertThat(seen.get(4).observedLoad()).isEqualTo(30);
    assertThat(seen.get(4).observedAt()).isEqualTo(scenario.timeAt(2));
    assertThat(seen.get(4).now()).isEqualTo(scenario.timeAt(4));
  }

  @Test
  void startsWithEnoughReadyReplicasForTheFirstStartupDelay() {
    Scenario scenario = TestScenarios.ofNeeds(2, 0, 1, 1, 3, 7, 1);
    List<TickInput> seen = new ArrayList<>();

    new ClusterSimulator(scenario)
        .run(
            tick -> {
              seen.add(tick);
              return Decision.of(tick.currentReplicas(), "Hold");
            });

    assertThat(seen.get(0).currentReplicas()).isEqualTo(3);
    assertThat(seen.get(0).readyReplicas()).isEqualTo(3);
  }

  @Test
  void scaleDownRemovesStartingPodsBeforeReadyOnes() {
    Scenario scenario = TestScenarios.ofNeeds(4, 0, repeat(1, 12));
    int[] plan = {2, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3};

    SimulationResult result =
        new ClusterSimulator(scenario).run(tick -> Decision.of(plan[tick.tick()], "Plan"));

    assertThat(result.ready()).startsWith(1, 1, 1, 1, 2, 3, 3);
  }

  @Test
  void forecastsLineUpWithTheTickTheyTarget() {
    Scenario scenario = TestScenarios.ofLoad(0, 0, 10, 10, 10, 10, 10);
    int horizonTicks = 2;

    SimulationResult result =
        new ClusterSimulator(scenario)
            .run(
                tick ->
                    new Decision(
                        1,
                        "Forecast",
                        new Forecast(
                            scenario.timeAt(tick.tick() + horizonTicks),
                            tick.tick(),
                            tick.tick() - 1,
                            tick.tick() + 1,
                            "test")));

    assertThat(result.forecastPoint()[0]).isNaN();
    assertThat(result.forecastPoint()[3]).isEqualTo(3 - horizonTicks);
    assertThat(result.forecastUpper()[4]).isEqualTo(4 - horizonTicks + 1);
    assertThat(result.forecastModel()).isEqualTo("test");
    assertThat(result.reasons()).containsEntry("Forecast", 5);
  }

  @Test
  void strategyWithoutForecastsHasNoForecastSeries() {
    Scenario scenario = TestScenarios.ofNeeds(0, 0, 1, 1);

    SimulationResult result =
        new ClusterSimulator(scenario).run(new ReactiveTestStrategy(CAPACITY));

    assertThat(result.hasForecast()).isFalse();
  }

  @Test
  void reportsProgressUpToTheLastTick() {
    Scenario scenario = TestScenarios.ofNeeds(0, 0, repeat(1, ClusterSimulator.PROGRESS_EVERY + 5));
    List<Integer> reported = new ArrayList<>();

    new ClusterSimulator(scenario).run(new ReactiveTestStrategy(CAPACITY), reported::add);

    assertThat(reported).containsExactly(ClusterSimulator.PROGRESS_EVERY, scenario.ticks());
  }

  @Test
  void hugeSpikesKeepTheUnservedFractionFinite() {
    double spike = 1e308;
    double[] load = new double[8];
    java.util.Arrays.fill(load, 1);
    load[3] = spike;
    load[6] = spike;
    Scenario scenario =
        new Scenario(
            TestScenarios.START,
            TestScenarios.STEP,
            load,
            spike / 20,
            java.time.Duration.ZERO,
            java.time.Duration.ZERO,
            1);

    ReplayMetrics m = new ClusterSimulator(scenario).run(tick -> Decision.of(1, "Hold")).metrics();

    double unservedShareOfEachSpike = (spike - spike / 20) / spike;
    assertThat(m.unservedFraction()).isCloseTo(unservedShareOfEachSpike, within(1e-9));
    assertThat(m.meanUtilization()).isFinite();
  }

  @Test
  void bandCoverageIsTheShareOfForecastTicksWithinTheUpperBand() {
    Scenario scenario = TestScenarios.ofLoad(0, 0, 10, 20, 30, 40, 50);

    SimulationResult result =
        new ClusterSimulator(scenario)
            .run(
                tick ->
                    new Decision(
                        1,
                        "Forecast",
                        tick.tick() == 0 ? null : new Forecast(tick.now(), 25, 20, 35, "test")));

    assertThat(result.bandCoverage()).isCloseTo(2 / 4.0, within(1e-9));
  }

  @Test
  void bandCoverageIsNaNWithoutForecasts() {
    Scenario scenario = TestScenarios.ofNeeds(0, 0, 1, 1);

    SimulationResult result =
        new ClusterSimulator(scenario).run(new ReactiveTestStrategy(CAPACITY));

    assertThat(result.bandCoverage()).isNaN();
  }
}
