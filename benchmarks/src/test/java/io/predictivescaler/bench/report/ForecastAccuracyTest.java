package io.predictivescaler.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.predictivescaler.bench.sim.ClusterSimulator;
import io.predictivescaler.bench.sim.Decision;
import io.predictivescaler.bench.sim.Forecast;
import io.predictivescaler.bench.sim.Scenario;
import io.predictivescaler.bench.sim.SimulationResult;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ForecastAccuracyTest {

  private static final int DAY = 288;
  private static final Duration STEP = Duration.ofMinutes(5);

  private final Scenario scenario = scenario();

  private static Scenario scenario() {
    double[] load = new double[3 * DAY];
    for (int i = 0; i < load.length; i++) {
      load[i] = 50 + 30 * Math.sin(2 * Math.PI * i / DAY) + (i % 7);
    }
    return new Scenario(Instant.EPOCH, STEP, load, 10, Duration.ZERO, Duration.ZERO, 1);
  }

  private SimulationResult forecasting(java.util.function.IntToDoubleFunction target) {
    return new ClusterSimulator(scenario)
        .run(
            tick -> {
              int t = tick.tick() + 1;
              double f = t < scenario.ticks() ? target.applyAsDouble(t) : 0;
              return new Decision(1, "F", new Forecast(scenario.timeAt(t), f, f, f, "m"));
            });
  }

  @Test
  void perfectForecastScoresZero() {
    ForecastAccuracy accuracy = ForecastAccuracy.of(forecasting(t -> scenario.load()[t]));

    assertThat(accuracy.mase()).isCloseTo(0, within(1e-12));
    assertThat(accuracy.smape()).isCloseTo(0, within(1e-12));
    assertThat(accuracy.points()).isEqualTo(scenario.ticks() - DAY);
  }

  @Test
  void seasonalNaiveForecastScoresOne() {
    ForecastAccuracy accuracy =
        ForecastAccuracy.of(forecasting(t -> t >= DAY ? scenario.load()[t - DAY] : 0));

    assertThat(accuracy.mase()).isCloseTo(1, within(1e-12));
    assertThat(accuracy.model()).isEqualTo("m");
  }
}
