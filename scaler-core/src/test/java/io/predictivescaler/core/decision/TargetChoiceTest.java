package io.predictivescaler.core.decision;

import static io.predictivescaler.core.decision.TestInputs.PIPELINE;
import static io.predictivescaler.core.decision.TestInputs.input;
import static io.predictivescaler.core.decision.TestInputs.withForecast;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The pipeline picks the target a metric is read at: the predictive target while a forecast drives
 * the decision, the reactive (plain HPA) target otherwise. The workload runs 5 replicas at 950 load
 * units: 200 per replica is within tolerance (ratio 0.95), 100 per replica asks for 10.
 */
class TargetChoiceTest {

  private static final ScalingPolicy DEFAULTS = ScalingPolicy.hpaDefaults(1, 50);
  private static final TotalMetric TWO_TARGETS = TotalMetric.averageValue("rps", 200, 100, 950);

  @Test
  void withoutAForecastTheMetricIsReadAtItsReactiveTarget() {
    Decision decision = PIPELINE.decide(input(5, DEFAULTS, TWO_TARGETS));

    assertThat(decision.replicas()).isEqualTo(10);
    assertThat(decision.reason()).isEqualTo(ReasonCode.DESIRED_WITHIN_RANGE);
    assertThat(decision.message()).contains("vs 100 per replica");
  }

  @Test
  void aTrustedForecastReadsTheMetricAtItsPredictiveTarget() {
    DecisionInput input =
        withForecast(input(5, DEFAULTS, TWO_TARGETS), ForecastSummary.trusted(900, "linear"));

    Decision decision = PIPELINE.decide(input);

    assertThat(decision.replicas()).isEqualTo(5);
    assertThat(decision.reason()).isEqualTo(ReasonCode.WITHIN_TOLERANCE);
    assertThat(decision.stage(StageTrace.REACTIVE).orElseThrow().rule())
        .contains("vs 200 per replica");
  }

  @Test
  void aForecastWithAReactiveShareReadsTheMetricBetweenBothTargets() {
    DecisionInput input =
        withForecast(
            input(5, DEFAULTS, TWO_TARGETS), ForecastSummary.trusted(400, "linear", "", 0.5));

    Decision decision = PIPELINE.decide(input);

    // halfway from 100 to 200 per replica: 150, so 950 asks for ceil(6.33) = 7
    assertThat(decision.replicas()).isEqualTo(7);
    assertThat(decision.stage(StageTrace.REACTIVE).orElseThrow().rule())
        .contains("vs 150 per replica");
  }

  @Test
  void aForecastWithNoReactiveShareKeepsTheHpaTargetAndCanOnlyAddCapacity() {
    DecisionInput quiet =
        withForecast(
            input(5, DEFAULTS, TWO_TARGETS), ForecastSummary.trusted(400, "linear", "", 0));
    DecisionInput ramp =
        withForecast(
            input(5, DEFAULTS, TWO_TARGETS), ForecastSummary.trusted(2400, "linear", "", 0));

    assertThat(PIPELINE.decide(quiet).replicas()).isEqualTo(10);
    // the band asks for 12 (2400 at 200 per replica); the scale-up rate then allows 10 of them
    assertThat(PIPELINE.decide(ramp).stage(StageTrace.COMBINE).orElseThrow().rule())
        .isEqualTo("max(reactive 10, predictive 12)");
  }

  @Test
  void aReactiveShareOutsideZeroToOneIsRejected() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ForecastSummary.trusted(400, "linear", "", 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reactiveShare must be in [0, 1], got 1.5");
  }

  @Test
  void theShadowHpaDecidesAtTheReactiveTargetWhateverTheForecast() {
    DecisionInput input =
        withForecast(input(5, DEFAULTS, TWO_TARGETS), ForecastSummary.trusted(900, "linear"));

    Decision shadow = PIPELINE.decide(input.asPlainHpa(DecisionState.empty()));

    assertThat(shadow.replicas()).isEqualTo(10);
  }

  @Test
  void aTrustedForecastThatCannotBeUsedFallsBackToTheReactiveTarget() {
    DecisionInput input =
        withForecast(
            input(5, DEFAULTS, TWO_TARGETS), ForecastSummary.trusted(Double.NaN, "linear"));

    Decision decision = PIPELINE.decide(input);

    assertThat(decision.replicas()).isEqualTo(10);
    assertThat(decision.reason()).isEqualTo(ReasonCode.FORECAST_UNTRUSTED);
  }

  @ParameterizedTest
  @EnumSource(value = ForecastStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "TRUSTED")
  void everyStatusButTrustedIsReactiveOnlyAtTheReactiveTarget(ForecastStatus status) {
    DecisionInput input =
        withForecast(
            input(5, DEFAULTS, TWO_TARGETS), new ForecastSummary(900, status, "why", "linear"));

    Decision decision = PIPELINE.decide(input);

    assertThat(decision.replicas()).isEqualTo(10);
    assertThat(decision.stage(StageTrace.COMBINE).orElseThrow().rule()).isEqualTo("reactive only");
    assertThat(decision.reason())
        .isNotIn(ReasonCode.DESIRED_WITHIN_RANGE, ReasonCode.PREDICTED_LOAD);
  }

  @Test
  void everyStatusButTrustedHasItsOwnReasonCode() {
    Set<ReasonCode> reasons = new HashSet<>();
    Set<ForecastStatus> notTrusted = EnumSet.complementOf(EnumSet.of(ForecastStatus.TRUSTED));

    for (ForecastStatus status : notTrusted) {
      reasons.add(
          PIPELINE
              .decide(
                  withForecast(
                      input(5, DEFAULTS, TWO_TARGETS),
                      new ForecastSummary(900, status, "why", "linear")))
              .reason());
    }

    assertThat(reasons).hasSameSizeAs(notTrusted);
  }
}
