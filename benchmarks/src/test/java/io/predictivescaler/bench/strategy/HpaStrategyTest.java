package io.predictivescaler.bench.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.bench.sim.ClusterSimulator;
import io.predictivescaler.bench.sim.Scenario;
import io.predictivescaler.bench.sim.SimulationResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The replay's {@code hpa} behaves as the HPA's semantics imply on a hand-made trace. */
class HpaStrategyTest {

  private static final Duration STEP = Duration.ofSeconds(15);

  /** The load drops at tick 60 and is seen at 62; the last higher recommendation is at 61. */
  @Test
  void neverScalesDownWithinThreeHundredSecondsOfAHigherRecommendation() {
    double[] load = new double[200];
    Arrays.fill(load, 0, 60, 1000);
    Arrays.fill(load, 60, 200, 200);
    SimulationResult result = replay(load);

    int lastHigh = 61;
    int high = result.replicas()[lastHigh];
    for (int i = lastHigh + 1; i < lastHigh + 300 / 15; i++) {
      assertThat(result.replicas()[i]).as("tick %d", i).isEqualTo(high);
    }
    assertThat(result.replicas()[lastHigh + 300 / 15]).isLessThan(high);
  }

  /** Ends within the 0.1 tolerance of ceil(4000 / 80) = 50. */
  @Test
  void scaleUpIsLimitedToFourPodsOrDoublingPerFifteenSeconds() {
    double[] load = new double[80];
    Arrays.fill(load, 0, 20, 100);
    Arrays.fill(load, 20, 80, 4000);
    SimulationResult result = replay(load);

    for (int i = 1; i < load.length; i++) {
      int before = result.replicas()[i - 1];
      int after = result.replicas()[i];
      assertThat(after).as("tick %d", i).isLessThanOrEqualTo(Math.max(before + 4, 2 * before));
    }
    assertThat(result.replicas()[79] * 80 * 1.1).isGreaterThanOrEqualTo(4000);
    assertThat(result.replicas()[79]).isLessThanOrEqualTo(50);
  }

  private static SimulationResult replay(double[] load) {
    Scenario scenario =
        new Scenario(
            Instant.parse("2026-01-05T00:00:00Z"),
            STEP,
            load,
            100,
            Duration.ofSeconds(90),
            Duration.ofSeconds(30),
            1);
    StrategyContext context = StrategyContext.of("hpa", scenario, 0.8, Duration.ofMinutes(10), 80);
    return new ClusterSimulator(scenario).run(new HpaStrategy(context));
  }
}
