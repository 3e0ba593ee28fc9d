package io.predictivescaler.core.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A replay runs the pipeline 172,800 times (30 days at 15 s); it must take well under a minute. */
class ReplayThroughputTest {

  @Test
  void decides172800TicksInAFewSeconds() {
    DecisionPipeline pipeline = new DecisionPipeline();
    ScalingPolicy policy = ScalingPolicy.hpaDefaults(2, 40);
    DecisionState state = DecisionState.initial();
    int current = 4;
    long started = System.nanoTime();

    for (int tick = 0; tick < 172_800; tick++) {
      double load = 1200 + 1000 * Math.sin(tick / 300.0);
      DecisionInput input =
          new DecisionInput(
              TestInputs.T0.plusSeconds(15L * tick),
              current,
              current,
              List.of(TotalMetric.averageValue("rps", 100, load)),
              Optional.of(ForecastSummary.trusted(load * 1.2, "linear")),
              policy,
              state);
      Decision decision = pipeline.decide(input);
      current = decision.replicas();
      state = decision.nextState();
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

    assertThat(elapsed).isLessThan(Duration.ofSeconds(10));
    assertThat(state.size()).isLessThan(50);
  }
}
