package io.predictivescaler.core.decision;

import static io.predictivescaler.core.decision.TestInputs.PIPELINE;
import static io.predictivescaler.core.decision.TestInputs.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The scale-down window holds what the HPA would (the recommendation without the forecast) for its
 * whole length, and the forecast's part only for the forecast's hold. The workload serves 100 load
 * units per replica; the default 300 s scale-down window.
 */
class ForecastHoldTest {

  private static final ScalingPolicy DEFAULTS = ScalingPolicy.hpaDefaults(1, 50);
  private static final Duration HOLD = Duration.ofSeconds(150);

  @Test
  void aFallenForecastScalesInOnceItsHoldHasPassedWithinTheWindow() {
    Decision up = decide(0, 5, 500, peak(1000, HOLD), DecisionState.initial());
    assertThat(up.replicas()).isEqualTo(10);
    assertThat(up.reason()).isEqualTo(ReasonCode.PREDICTED_LOAD);

    Decision held = decide(60, 10, 500, peak(500, HOLD), up.nextState(true));
    assertThat(held.replicas()).isEqualTo(10);
    assertThat(held.reason()).isEqualTo(ReasonCode.SCALE_DOWN_STABILIZED);
    assertThat(held.message())
        .isEqualTo(
            "highest recommendation in the last 300s scale-down window (all of it for 150s): 10");

    Decision released = decide(180, 10, 500, peak(500, HOLD), held.nextState(true));
    assertThat(released.replicas()).isEqualTo(5);
    assertThat(released.reason()).isEqualTo(ReasonCode.DESIRED_WITHIN_RANGE);
  }

  @Test
  void aForecastHeldForTheWholeWindowIsHeldAsTheHpaHoldsItsCount() {
    ForecastSummary whole = ForecastSummary.trusted(1000, "linear");
    assertThat(whole.hold()).isEqualTo(ForecastSummary.WHOLE_WINDOW);
    Decision up = decide(0, 5, 500, whole, DecisionState.initial());
    assertThat(up.replicas()).isEqualTo(10);
    Decision held = decide(60, 10, 500, ForecastSummary.trusted(500, "linear"), up.nextState(true));

    Decision stillHeld =
        decide(180, 10, 500, ForecastSummary.trusted(500, "linear"), held.nextState(true));

    assertThat(stillHeld.replicas()).isEqualTo(10);
    assertThat(stillHeld.reason()).isEqualTo(ReasonCode.SCALE_DOWN_STABILIZED);
    assertThat(stillHeld.message())
        .isEqualTo("highest recommendation in the last 300s scale-down window: 10");
  }

  @Test
  void aReactivePartWithSomeOfTheHpaHeadroomIsHeldForTheWholeWindow() {
    Decision spike = decide(0, 5, 900, halfReactive(500), DecisionState.initial());
    assertThat(spike.replicas()).isEqualTo(9);

    Decision later = decide(240, 9, 300, halfReactive(300), spike.nextState(true));

    assertThat(later.replicas()).isEqualTo(9);
    assertThat(later.reason()).isEqualTo(ReasonCode.SCALE_DOWN_STABILIZED);
    assertThat(later.message())
        .isEqualTo(
            "highest recommendation in the last 300s scale-down window (the forecast's part for"
                + " 150s): 9");
    Decision after = decide(301, 9, 300, halfReactive(300), later.nextState(true));
    assertThat(after.replicas()).isEqualTo(3);
  }

  @Test
  void aBandSizingAloneHasAllOfItsRecommendationHeldForItsHoldOnly() {
    // the reactive part at the predictive target is the newest load at full capacity, which the
    // band (never below it) covers: a spike of load passes with the band's hold
    Decision spike = decide(0, 5, 900, peak(500, HOLD), DecisionState.initial());
    assertThat(spike.replicas()).isEqualTo(9);

    Decision held = decide(60, 9, 300, peak(300, HOLD), spike.nextState(true));
    assertThat(held.replicas()).isEqualTo(9);
    assertThat(held.message())
        .isEqualTo(
            "highest recommendation in the last 300s scale-down window (all of it for 150s): 9");

    Decision released = decide(165, 9, 300, peak(300, HOLD), held.nextState(true));
    assertThat(released.replicas()).isEqualTo(3);
  }

  @Test
  void aMetricWithoutAForecastKeepsTheWholeWindowForItsReactivePart() {
    List<MetricInput> spike =
        List.of(
            TotalMetric.averageValue("rps", 100, 900), TotalMetric.averageValue("queue", 100, 100));
    Decision up = decideMetrics(0, 5, spike, DecisionState.initial());
    assertThat(up.replicas()).isEqualTo(9);
    List<MetricInput> calm =
        List.of(
            TotalMetric.averageValue("rps", 100, 300), TotalMetric.averageValue("queue", 100, 100));

    Decision later = decideMetrics(240, 9, calm, up.nextState(true));

    assertThat(later.replicas()).isEqualTo(9);
    assertThat(later.reason()).isEqualTo(ReasonCode.SCALE_DOWN_STABILIZED);
  }

  @Test
  void aForecastNoLongerUsedIsHeldForTheWholeWindow() {
    Decision up = decide(0, 5, 500, peak(1000, HOLD), DecisionState.initial());
    assertThat(up.replicas()).isEqualTo(10);
    Decision dropped =
        decide(
            180,
            10,
            500,
            ForecastSummary.untrusted(1000, "linear", "calibration collapsed").withHold(HOLD),
            up.nextState(true));

    assertThat(dropped.replicas()).isEqualTo(10);
    assertThat(dropped.reason()).isEqualTo(ReasonCode.SCALE_DOWN_STABILIZED);
  }

  @Test
  void aZeroWindowHoldsNothingWhateverTheHold() {
    ScalingPolicy noWindow =
        DEFAULTS.withBehavior(
            new Behavior(
                HpaDefaults.scaleUpRules(),
                HpaDefaults.scaleDownRules().withStabilizationWindow(Duration.ZERO)));
    Decision up = decide(noWindow, 0, 5, 500, peak(1000, HOLD), DecisionState.initial());
    assertThat(up.replicas()).isEqualTo(10);

    Decision next = decide(noWindow, 15, 10, 500, peak(500, HOLD), up.nextState(true));

    assertThat(next.replicas()).isEqualTo(5);
  }

  @Test
  void aNegativeHoldIsRejected() {
    ForecastSummary forecast = peak(100, HOLD);
    assertThatThrownBy(() -> forecast.withHold(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hold must not be negative, got PT-1S");
  }

  /** A forecast for "rps" only; "queue" has none and is read at its reactive target. */
  private static Decision decideMetrics(
      long second, int current, List<MetricInput> metrics, DecisionState state) {
    double rps = ((TotalMetric) metrics.get(0)).value();
    Map<String, ForecastSummary> forecasts =
        Map.of("rps", peak(rps, HOLD), "queue", ForecastSummary.insufficientHistory("none", "new"));
    return PIPELINE.decide(
        new DecisionInput(
            T0.plusSeconds(second), current, current, metrics, forecasts, DEFAULTS, state));
  }

  private static ForecastSummary halfReactive(double load) {
    return ForecastSummary.trusted(load, "linear", "test", 0.5).withHold(HOLD);
  }

  private static ForecastSummary peak(double load, Duration hold) {
    return ForecastSummary.trusted(load, "linear").withHold(hold);
  }

  private static Decision decide(
      long second, int current, double load, ForecastSummary forecast, DecisionState state) {
    return decide(DEFAULTS, second, current, load, forecast, state);
  }

  private static Decision decide(
      ScalingPolicy policy,
      long second,
      int current,
      double load,
      ForecastSummary forecast,
      DecisionState state) {
    List<MetricInput> metrics = List.of(TotalMetric.averageValue("rps", 100, load));
    Map<String, ForecastSummary> forecasts =
        DecisionInput.forecastOf(metrics, Optional.of(forecast));
    return PIPELINE.decide(
        new DecisionInput(
            T0.plusSeconds(second), current, current, metrics, forecasts, policy, state));
  }
}
