package io.predictivescaler.core.decision;

import static io.predictivescaler.core.decision.TestInputs.PIPELINE;
import static io.predictivescaler.core.decision.TestInputs.T0;
import static io.predictivescaler.core.decision.TestInputs.desiring;
import static io.predictivescaler.core.decision.TestInputs.input;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The state a decision hands to the next tick (ours; storage mirrors horizontal.go). */
class DecisionStateTest {

  private static final ScalingPolicy POLICY = ScalingPolicy.hpaDefaults(1, 100);

  @Test
  void firstDecisionSeedsTheCurrentCountLikeRecordInitialRecommendation() {
    Decision decision = PIPELINE.decide(input(5, POLICY, DecisionState.initial(), desiring(5)));

    assertThat(decision.nextState().recommendations())
        .extracting(TimedRecommendation::replicas)
        .containsExactly(5, 5);
  }

  @Test
  void recordsTheRecommendationAndTheAppliedScaleEvent() {
    Decision decision = PIPELINE.decide(input(4, POLICY, desiring(7)));

    assertThat(decision.nextState().recommendations())
        .containsExactly(new TimedRecommendation(T0, 7));
    assertThat(decision.nextState().scaleUpEvents()).containsExactly(new ScaleEvent(T0, 3));
    assertThat(decision.nextState().scaleDownEvents()).isEmpty();
  }

  @Test
  void unappliedStateKeepsTheRecommendationButNoScaleEvent() {
    Decision decision = PIPELINE.decide(input(4, POLICY, desiring(7)));

    assertThat(decision.nextStateIfNotApplied().recommendations()).hasSize(1);
    assertThat(decision.nextStateIfNotApplied().scaleUpEvents()).isEmpty();
  }

  @Test
  void dryRunReportsTheWouldBeDecisionWithoutCountingAScaleEvent() {
    Decision dryRun = PIPELINE.decide(input(4, POLICY, desiring(7))).asDryRun();

    assertThat(dryRun.reason()).isEqualTo(ReasonCode.DRY_RUN);
    assertThat(dryRun.explanation()).startsWith("dry-run, not applied: 4 -> 7: DesiredWithinRange");
    assertThat(dryRun.nextState().scaleUpEvents()).isEmpty();
  }

  @Test
  void dropsRecommendationsOlderThanTheLongestWindow() {
    DecisionState state =
        DecisionState.of(
            List.of(TestInputs.rec(9, 301), TestInputs.rec(8, 299)), List.of(), List.of());

    Decision decision = PIPELINE.decide(input(4, POLICY, state, desiring(4)));

    assertThat(decision.nextState().recommendations())
        .extracting(TimedRecommendation::replicas)
        .containsExactly(8, 4);
  }

  @Test
  void dropsScaleEventsOlderThanTheLongestPeriod() {
    DecisionState state =
        DecisionState.of(
            List.of(),
            List.of(new ScaleEvent(T0.minusSeconds(16), 2), new ScaleEvent(T0.minusSeconds(14), 1)),
            List.of(new ScaleEvent(T0.minusSeconds(15), 3)));

    Decision decision = PIPELINE.decide(input(4, POLICY, state, desiring(4)));

    assertThat(decision.nextState().scaleUpEvents())
        .containsExactly(new ScaleEvent(T0.minusSeconds(14), 1));
    assertThat(decision.nextState().scaleDownEvents()).isEmpty();
  }

  @Test
  void staysBoundedOverADayOfTicks() {
    DecisionState state = DecisionState.initial();
    int current = 5;
    int largest = 0;

    for (int tick = 0; tick < 5760; tick++) {
      Instant now = T0.plusSeconds(15L * tick);
      int load = 300 + (tick * 37 % 700);
      DecisionInput in =
          new DecisionInput(
              now,
              current,
              current,
              List.of(desiring(load / 100)),
              Optional.empty(),
              POLICY,
              state);
      Decision decision = PIPELINE.decide(in);
      current = decision.replicas();
      state = decision.nextState();
      largest = Math.max(largest, state.size());
    }

    assertThat(largest).isLessThanOrEqualTo(21 + 2 + 2);
  }

  @Test
  void roundTripsThroughItsParts() {
    DecisionState state =
        DecisionState.of(
            List.of(TestInputs.rec(3, 10)),
            List.of(new ScaleEvent(T0.minusSeconds(5), 2)),
            List.of(new ScaleEvent(T0.minusSeconds(7), 1)));

    DecisionState copy =
        DecisionState.of(state.recommendations(), state.scaleUpEvents(), state.scaleDownEvents());

    assertThat(copy).isEqualTo(state).hasSameHashCodeAs(state);
  }
}
