package io.predictivescaler.core.tick;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.core.config.ScalingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tick loop with a clock moved by hand: a step back must not freeze control. */
class ClockStepTest {

  private static final Instant T0 = Instant.parse("2026-03-02T12:00:00Z");
  private static final Duration STEP = Duration.ofSeconds(15);

  private final FakeCluster cluster = new FakeCluster(Duration.ofSeconds(90));
  private final TickOrchestrator orchestrator =
      new TickOrchestrator(
          cluster, mode -> cluster, RefitScheduler.inline(), () -> true, outcome -> {});

  @Test
  void decidesWithinOneStepAfterTheClockStepsBackAnHour() {
    cluster.add("checkout", 2, t -> 150);
    orchestrator.applyPolicies(List.of(Policies.policy("checkout", ScalingMode.SCALE, 100, 20)));
    assertThat(orchestrator.tick(T0)).hasSize(1);
    Instant stepped = T0.minus(Duration.ofHours(1));

    List<TickOutcome> atTheStep = orchestrator.tick(stepped);
    List<TickOutcome> oneStepLater = orchestrator.tick(stepped.plus(STEP));

    assertThat(atTheStep).hasSize(1);
    assertThat(oneStepLater).hasSize(1);
  }

  @Test
  void stillWaitsForTheNextStepWhenTheClockMovesForward() {
    cluster.add("checkout", 2, t -> 150);
    orchestrator.applyPolicies(List.of(Policies.policy("checkout", ScalingMode.SCALE, 100, 20)));
    orchestrator.tick(T0);

    List<TickOutcome> withinTheStep = orchestrator.tick(T0.plusSeconds(5));
    List<TickOutcome> atTheNextStep = orchestrator.tick(T0.plus(STEP));

    assertThat(withinTheStep).isEmpty();
    assertThat(atTheNextStep).hasSize(1);
  }

  @Test
  void aSmallBackwardSlewWithinOneStepDoesNotTickTwice() {
    cluster.add("checkout", 2, t -> 150);
    orchestrator.applyPolicies(List.of(Policies.policy("checkout", ScalingMode.SCALE, 100, 20)));
    orchestrator.tick(T0);

    List<TickOutcome> slewedBack = orchestrator.tick(T0.minusSeconds(2));

    assertThat(slewedBack).isEmpty();
  }
}
