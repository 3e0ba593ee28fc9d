package io.predictivescaler.core.decision;

import static io.predictivescaler.core.decision.TestInputs.PIPELINE;
import static io.predictivescaler.core.decision.TestInputs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A forecast that may not raise the count ({@link ForecastSummary#withoutRaising}) is capped at the
 * plain HPA's count, holds nothing above it in the scale-down window, and may still lower the count
 * below the HPA's. The metric is read at 100 per replica by the HPA and 200 by the forecast.
 */
class SavingsSpentTest {

  private static final ScalingPolicy DEFAULTS = ScalingPolicy.hpaDefaults(1, 50);
  private static final Duration HOLD = Duration.ofSeconds(150);
  private static final String WHY = "the workload has saved -0.10 replica-h";

  @Test
  void aForecastThatMayNotRaiseIsCappedAtThePlainHpaCount() {
    Decision decision = decide(0, 5, 950, band(2400).withoutRaising(WHY), DecisionState.initial());

    assertThat(decision.replicas()).isEqualTo(10);
    assertThat(decision.reason()).isEqualTo(ReasonCode.SAVINGS_SPENT);
    assertThat(decision.stage(StageTrace.COMBINE).orElseThrow().rule())
        .isEqualTo("min(max(reactive 5, predictive 12), plain HPA 10)");
    assertThat(decision.message())
        .contains("the forecast may lower the count but not raise it above the plain HPA's")
        .contains(WHY);
  }

  @Test
  void theSameForecastAllowedToRaiseAddsAboveTheHpa() {
    Decision decision = decide(0, 10, 950, band(2400), DecisionState.initial());

    assertThat(decision.replicas()).isEqualTo(12);
    assertThat(decision.reason()).isEqualTo(ReasonCode.PREDICTED_LOAD);
  }

  @Test
  void aForecastThatMayNotRaiseStillLowersTheCountBelowTheHpa() {
    Decision decision = decide(0, 5, 950, band(900).withoutRaising(WHY), DecisionState.initial());

    // the HPA reads 950 at 100 per replica and asks for 10; the forecast's reactive part at 200
    // keeps 5 within tolerance
    assertThat(decision.replicas()).isEqualTo(5);
    assertThat(decision.reason()).isEqualTo(ReasonCode.WITHIN_TOLERANCE);
  }

  @Test
  void whatTheForecastRaisedBeforeIsNotHeldOnceItMayNoLongerRaise() {
    Decision calm = decide(0, 5, 950, band(950), DecisionState.initial());
    Decision rate = decide(15, 5, 950, band(2400), calm.nextState(true));
    Decision up = decide(30, 10, 950, band(2400), rate.nextState(true));
    assertThat(up.replicas()).isEqualTo(12);

    Decision held = decide(90, 12, 950, band(950), up.nextState(true));
    Decision capped = decide(90, 12, 950, band(950).withoutRaising(WHY), up.nextState(true));

    assertThat(held.replicas()).isEqualTo(12);
    assertThat(held.reason()).isEqualTo(ReasonCode.SCALE_DOWN_STABILIZED);
    assertThat(capped.replicas()).isEqualTo(5);
    assertThat(capped.stage(StageTrace.STABILIZATION).orElseThrow().rule())
        .doesNotContain("highest recommendation");
  }

  @Test
  void theReactiveRecommendationsStayHeldWhenTheForecastMayNotRaise() {
    Decision spike = decide(0, 5, 1900, band(1900), DecisionState.initial());
    assertThat(spike.replicas()).isEqualTo(10);

    Decision later = decide(240, 10, 300, band(300).withoutRaising(WHY), spike.nextState(true));

    assertThat(later.replicas()).isEqualTo(10);
    assertThat(later.reason()).isEqualTo(ReasonCode.SCALE_DOWN_STABILIZED);
    assertThat(later.message())
        .isEqualTo(
            "highest recommendation in the last 300s scale-down window (without the forecast's"
                + " part, which may not raise the count): 10");
  }

  @Test
  void theSummaryKeepsEverythingButItsLeaveToRaise() {
    ForecastSummary allowed = ForecastSummary.trusted(500, "linear", "q0.9", 0.5).withHold(HOLD);

    ForecastSummary capped = allowed.withoutRaising(WHY);

    assertThat(allowed.mayRaise()).isTrue();
    assertThat(capped.mayRaise()).isFalse();
    assertThat(capped.peakUpperLoad()).isEqualTo(500);
    assertThat(capped.reactiveShare()).isEqualTo(0.5);
    assertThat(capped.hold()).isEqualTo(HOLD);
    assertThat(capped.detail()).isEqualTo("q0.9; " + WHY);
    assertThat(capped.withHold(Duration.ofSeconds(30)).mayRaise()).isFalse();
  }

  private static ForecastSummary band(double load) {
    return ForecastSummary.trusted(load, "linear").withHold(HOLD);
  }

  private static Decision decide(
      long second, int current, double load, ForecastSummary forecast, DecisionState state) {
    List<MetricInput> metrics = List.of(TotalMetric.averageValue("rps", 200, 100, load));
    Map<String, ForecastSummary> forecasts =
        DecisionInput.forecastOf(metrics, Optional.of(forecast));
    return PIPELINE.decide(
        new DecisionInput(
            T0.plusSeconds(second), current, current, metrics, forecasts, DEFAULTS, state));
  }
}
