package io.predictivescaler.core.decision;

import static io.predictivescaler.core.decision.TestInputs.PIPELINE;
import static io.predictivescaler.core.decision.TestInputs.T0;
import static io.predictivescaler.core.decision.TestInputs.desiring;
import static io.predictivescaler.core.decision.TestInputs.input;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The state a decision hands to the next tick (ours; storage mirrors horizontal.go). */
class DecisionStateTest {

  private static final ScalingPolicy POLICY = ScalingPolicy.hpaDefaults(1, 100);

  @Test
  void firstDecisionSeedsTheCurrentCountLikeRecordInitialRecommendation() {
    Decision decision = PIPELINE.decide(input(5, POLICY, DecisionState.initial(), desiring(5)));

    assertThat(decision.nextState(true).recommendations())
        .extracting(TimedRecommendation::replicas)
        .containsExactly(5, 5);
  }

  @Test
  void recordsTheRecommendationAndTheAppliedScaleEvent() {
    Decision decision = PIPELINE.decide(input(4, POLICY, desiring(7)));

    assertThat(decision.nextState(true).recommendations())
        .containsExactly(new TimedRecommendation(T0, 7));
    assertThat(decision.nextState(true).scaleUpEvents()).containsExactly(new ScaleEvent(T0, 3));
    assertThat(decision.nextState(true).scaleDownEvents()).isEmpty();
  }

  @Test
  void unappliedStateKeepsTheRecommendationButNoScaleEvent() {
    Decision decision = PIPELINE.decide(input(4, POLICY, desiring(7)));

    assertThat(decision.nextState(false).recommendations()).hasSize(1);
    assertThat(decision.nextState(false).scaleUpEvents()).isEmpty();
  }

  @Test
  void anAppliedScaleDownIsAScaleDownEvent() {
    DecisionState state = DecisionState.of(List.of(), List.of(), List.of());

    Decision decision = PIPELINE.decide(input(8, POLICY, state, desiring(2)));

    assertThat(decision.replicas()).isLessThan(8);
    assertThat(decision.nextState(true).scaleDownEvents())
        .containsExactly(new ScaleEvent(T0, 8 - decision.replicas()));
    assertThat(decision.nextState(true).scaleUpEvents()).isEmpty();
  }

  @Test
  void aRangeCorrectionAppliedIsAScaleEventAndRecordsNoRecommendation() {
    Decision decision = PIPELINE.decide(input(120, POLICY, desiring(50)));

    assertThat(decision.replicas()).isEqualTo(100);
    assertThat(decision.nextState(true).scaleDownEvents()).containsExactly(new ScaleEvent(T0, 20));
    assertThat(decision.nextState(true).recommendations()).isEmpty();
    assertThat(decision.nextState(false).scaleDownEvents()).isEmpty();
  }

  @Test
  void keepsTheNewestScaleEventsWhenFull() {
    List<ScaleEvent> full = new java.util.ArrayList<>();
    for (int i = 0; i < DecisionState.MAX_ENTRIES; i++) {
      full.add(new ScaleEvent(T0.minusMillis(DecisionState.MAX_ENTRIES - i), 1));
    }
    DecisionState state = DecisionState.of(List.of(), full, List.of());

    DecisionState next = state.withScaleEvent(T0.toEpochMilli(), 3);

    assertThat(next.scaleUpEvents()).hasSize(DecisionState.MAX_ENTRIES);
    assertThat(next.scaleUpEvents().get(0)).isEqualTo(full.get(1));
    assertThat(next.scaleUpEvents().get(DecisionState.MAX_ENTRIES - 1))
        .isEqualTo(new ScaleEvent(T0, 3));
  }

  @Test
  void dropsRecommendationsOlderThanTheLongestWindow() {
    DecisionState state =
        DecisionState.of(
            List.of(TestInputs.rec(9, 301), TestInputs.rec(8, 299)), List.of(), List.of());

    Decision decision = PIPELINE.decide(input(4, POLICY, state, desiring(4)));

    assertThat(decision.nextState(true).recommendations())
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

    assertThat(decision.nextState(true).scaleUpEvents())
        .containsExactly(new ScaleEvent(T0.minusSeconds(14), 1));
    assertThat(decision.nextState(true).scaleDownEvents()).isEmpty();
  }

  @Test
  void keepsEachRecommendationAlsoWithoutItsForecastPart() {
    long now = T0.toEpochMilli();
    DecisionState state =
        DecisionState.empty()
            .next(now, true, 10, 4, now - 300_000, 0, now - 300_000)
            .next(now + 15_000, true, 6, 5, now - 285_000, 0, now - 285_000);

    assertThat(state.highestRecommendationAfter(now - 1, 0)).isEqualTo(10);
    assertThat(state.highestReactiveAfter(now - 1, 0)).isEqualTo(5);
    assertThat(state.highestReactiveAfter(now, 0)).isEqualTo(5);
    assertThat(state.highestReactiveAfter(now + 15_000, 3)).isEqualTo(3);
    DecisionState dropped = state.next(now + 30_000, false, 0, 0, now, 0, now);
    assertThat(dropped.highestRecommendationAfter(Long.MIN_VALUE, 0)).isEqualTo(6);
    assertThat(dropped.highestReactiveAfter(Long.MIN_VALUE, 0)).isEqualTo(5);
    assertThat(state).isNotEqualTo(DecisionState.empty().next(now, true, 10, 10, 0, 0, 0));
  }

  @Test
  void aRestoredStateHoldsItsRecommendationsWhole() {
    DecisionState state =
        DecisionState.of(
            List.of(TestInputs.rec(7, 10), TestInputs.rec(3, 5)), List.of(), List.of());

    assertThat(state.highestReactiveAfter(Long.MIN_VALUE, 0)).isEqualTo(7);
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
              now, current, current, List.of(desiring(load / 100)), Map.of(), POLICY, state);
      Decision decision = PIPELINE.decide(in);
      current = decision.replicas();
      state = decision.nextState(true);
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
