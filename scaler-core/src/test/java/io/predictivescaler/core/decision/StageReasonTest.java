package io.predictivescaler.core.decision;

import static io.predictivescaler.core.decision.TestInputs.PIPELINE;
import static io.predictivescaler.core.decision.TestInputs.desiring;
import static io.predictivescaler.core.decision.TestInputs.input;
import static io.predictivescaler.core.decision.TestInputs.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The decision's reason and message come from the stage that set the count, as in the HPA. */
class StageReasonTest {

  private static final ScalingPolicy POLICY = ScalingPolicy.hpaDefaults(1, 100);

  @Test
  void aRateLimitReportsTheRateStagesRule() {
    Decision decision = PIPELINE.decide(input(2, POLICY, desiring(20)));

    assertThat(decision.reason()).isEqualTo(ReasonCode.SCALE_UP_LIMIT);
    assertThat(decision.message()).isEqualTo(decision.stage(StageTrace.RATE).orElseThrow().rule());
    assertThat(decision.explanation()).isEqualTo("2 -> 6: ScaleUpLimit, " + decision.message());
  }

  @Test
  void stabilizationReportsItsWindowWhenItHoldsAScaleDownBack() {
    DecisionState state = DecisionState.of(List.of(rec(9, 60)), List.of(), List.of());

    Decision decision = PIPELINE.decide(input(9, POLICY, state, desiring(4)));

    assertThat(decision.replicas()).isEqualTo(9);
    assertThat(decision.reason()).isEqualTo(ReasonCode.SCALE_DOWN_STABILIZED);
    assertThat(decision.message())
        .isEqualTo("highest recommendation in the last 300s scale-down window: 9");
  }

  @Test
  void aLaterStageThatSetsTheCountOverridesAnEarlierOne() {
    ScalingPolicy capped = ScalingPolicy.hpaDefaults(1, 5);

    Decision decision = PIPELINE.decide(input(4, capped, desiring(8)));

    assertThat(decision.replicas()).isEqualTo(5);
    assertThat(decision.reason()).isEqualTo(ReasonCode.TOO_MANY_REPLICAS);
    assertThat(decision.message()).isEqualTo("clamp to [1, 5]");
  }

  @Test
  void aStageCannotSetAReasonWithoutAMessage() {
    StageTrace trace = new StageTrace(StageTrace.RATE, 1, 1, "no scaling");

    assertThatThrownBy(() -> new StageResult(trace, ReasonCode.SCALE_UP_LIMIT, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rate");
  }
}
