package io.predictivescaler.bench.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.bench.sim.ClusterSimulator;
import io.predictivescaler.bench.sim.Scenario;
import io.predictivescaler.bench.sim.SimulationResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The replay's {@code predictive} is the service's tick loop: on a daily morning ramp that a
 * reactive HPA always meets late, it learns the ramp and is overloaded less on the last day.
 */
class PredictiveStrategyTest {

  private static final Duration STEP = Duration.ofSeconds(15);
  private static final int TICKS_PER_DAY = 86_400 / 15;

  @Test
  void overloadsLessThanTheHpaOnceItHasSeenTheDailyRamp() {
    Scenario scenario = dailyRamp(3);

    SimulationResult hpa = run(scenario, "hpa", 0.8);
    SimulationResult predictive = run(scenario, "predictive", 0.9);

    int lastDay = 2 * TICKS_PER_DAY;
    assertThat(overloadedTicks(scenario, predictive, lastDay))
        .isLessThan(overloadedTicks(scenario, hpa, lastDay) / 2);
    assertThat(predictive.hasForecast()).isTrue();
    assertThat(predictive.reasons()).containsKey("PredictedLoad");
  }

  private static SimulationResult run(Scenario scenario, String name, double utilization) {
    StrategyContext context =
        new StrategyContext(
            name, scenario, utilization, Duration.ofMinutes(10), 80, Optional.empty(), 0.8);
    return new ClusterSimulator(scenario).run(StrategyFactory.defaults().create(name, context));
  }

  private static int overloadedTicks(Scenario scenario, SimulationResult result, int from) {
    int overloaded = 0;
    for (int i = from; i < scenario.ticks(); i++) {
      if (scenario.overloaded(scenario.load()[i], result.ready()[i])) {
        overloaded++;
      }
    }
    return overloaded;
  }

  /** 300 at night, a five-minute ramp to 2,000 at 08:00, back down at 20:00; noise 1 %. */
  private static Scenario dailyRamp(int days) {
    Random noise = new Random(7);
    double[] load = new double[days * TICKS_PER_DAY];
    for (int i = 0; i < load.length; i++) {
      int second = (i % TICKS_PER_DAY) * 15;
      double up = Math.min(1, Math.max(0, (second - 8 * 3600) / 300.0));
      double down = Math.min(1, Math.max(0, (second - 20 * 3600) / 1800.0));
      load[i] = (300 + 1700 * (up - down)) * (1 + 0.01 * noise.nextGaussian());
    }
    return new Scenario(
        Instant.parse("2026-03-02T00:00:00Z"),
        STEP,
        load,
        100,
        Duration.ofSeconds(90),
        Duration.ofSeconds(30),
        1);
  }
}
