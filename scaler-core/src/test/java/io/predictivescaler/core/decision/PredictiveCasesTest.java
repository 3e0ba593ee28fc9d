package io.predictivescaler.core.decision;

import static io.predictivescaler.core.decision.TestInputs.PIPELINE;
import static io.predictivescaler.core.decision.TestInputs.cpu;
import static io.predictivescaler.core.decision.TestInputs.d;
import static io.predictivescaler.core.decision.TestInputs.input;
import static io.predictivescaler.core.decision.TestInputs.oneCore;
import static io.predictivescaler.core.decision.TestInputs.rec;
import static io.predictivescaler.core.decision.TestInputs.withForecast;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stages 2, 3, 4 and 8 (ours, docs/ARCHITECTURE.md §6), and the KEP-4951 per-direction tolerance.
 * The workload serves 100 load units per replica (a total metric with an AverageValue target).
 */
class PredictiveCasesTest {

  private static final ScalingPolicy DEFAULTS = ScalingPolicy.hpaDefaults(1, 50);

  static Stream<Arguments> cases() {
    ScalingPolicy burst =
        DEFAULTS
            .withBehavior(
                new Behavior(
                    HpaDefaults.scaleUpRules().withStabilizationWindow(Duration.ofMinutes(3)),
                    HpaDefaults.scaleDownRules()))
            .withBurst(Burst.enabled(2.0));
    DecisionState lowRecently = DecisionState.of(List.of(rec(4, 60)), List.of(), List.of());
    return Stream.of(
        c(
            "ours: a trusted forecast above the reactive signal scales up ahead (PredictedLoad)",
            withForecast(input(4, DEFAULTS, load(400)), ForecastSummary.trusted(750, "linear")),
            8,
            ReasonCode.PREDICTED_LOAD),
        c(
            "ours: a trusted forecast below the reactive signal changes nothing",
            withForecast(input(4, DEFAULTS, load(600)), ForecastSummary.trusted(300, "linear")),
            6,
            ReasonCode.DESIRED_WITHIN_RANGE),
        c(
            "ours: a forecast never causes a scale-in below the reactive recommendation",
            withForecast(input(10, DEFAULTS, load(1000)), ForecastSummary.trusted(100, "linear")),
            10,
            ReasonCode.WITHIN_TOLERANCE),
        c(
            "ours: a trusted forecast holds a scale-in the reactive signal allows",
            withForecast(input(10, DEFAULTS, load(300)), ForecastSummary.trusted(700, "linear")),
            7,
            ReasonCode.PREDICTED_LOAD),
        c(
            "ours: no tolerance holds a count the band no longer needs (its hold damps scale-in)",
            withForecast(input(20, DEFAULTS, load(300)), ForecastSummary.trusted(1850, "linear")),
            19,
            ReasonCode.PREDICTED_LOAD),
        c(
            "ours: an untrusted forecast is ignored and the reason says so (ForecastUntrusted)",
            withForecast(
                input(4, DEFAULTS, load(400)),
                ForecastSummary.untrusted(900, "linear", "loses to seasonal naive")),
            4,
            ReasonCode.FORECAST_UNTRUSTED),
        c(
            "ours: a cold-start forecast is ignored and the reason says so (InsufficientHistory)",
            withForecast(
                input(4, DEFAULTS, load(600)),
                ForecastSummary.insufficientHistory("auto", "20 min of 24 h")),
            6,
            ReasonCode.INSUFFICIENT_HISTORY),
        c(
            "ours: a trusted forecast with a NaN peak counts as untrusted",
            withForecast(
                input(4, DEFAULTS, load(400)), ForecastSummary.trusted(Double.NaN, "linear")),
            4,
            ReasonCode.FORECAST_UNTRUSTED),
        c(
            "ours: the forecast is limited by scale-up policies like any recommendation",
            withForecast(input(2, DEFAULTS, load(200)), ForecastSummary.trusted(2000, "linear")),
            6,
            ReasonCode.SCALE_UP_LIMIT),
        c(
            "ours: the forecast in a Utilization workload is total usage over request x target",
            withForecast(
                input(3, DEFAULTS, cpu(50, oneCore(3), d(500, 500, 500))),
                ForecastSummary.trusted(3400, "linear")),
            7,
            ReasonCode.PREDICTED_LOAD),
        c(
            "ours: the forecast in a Value workload uses the HPA's Value formula",
            withForecast(
                input(4, DEFAULTS, TotalMetric.value("queue", 100, 100)),
                ForecastSummary.trusted(200, "linear")),
            8,
            ReasonCode.PREDICTED_LOAD),
        c(
            "ours: burst at 2x ready capacity skips the scale-up window (BurstScaleUp)",
            input(4, burst, lowRecently, load(1000)),
            8,
            ReasonCode.SCALE_UP_LIMIT),
        c(
            "ours: burst that lands within the rate limit reports BurstScaleUp",
            input(
                4,
                burst.withBehavior(
                    new Behavior(
                        new ScalingRules(
                            Duration.ofMinutes(3),
                            SelectPolicy.MAX,
                            List.of(RatePolicy.pods(100, Duration.ofSeconds(15)))),
                        HpaDefaults.scaleDownRules())),
                lowRecently,
                load(1000)),
            10,
            ReasonCode.BURST_SCALE_UP),
        c(
            "ours: below the burst factor the scale-up window applies",
            input(4, burst, lowRecently, load(700)),
            4,
            ReasonCode.SCALE_UP_STABILIZED),
        c(
            "KEP-4951: a larger scale-up tolerance keeps the count at ratio 1.15",
            input(10, DEFAULTS.withTolerance(new Tolerance(0.2, 0.05)), load(1150)),
            10,
            ReasonCode.WITHIN_TOLERANCE),
        c(
            "KEP-4951: ratio 0.93 is outside a 0.05 scale-down tolerance, ceil still gives 10",
            input(10, DEFAULTS.withTolerance(new Tolerance(0.2, 0.05)), load(930)),
            10,
            ReasonCode.DESIRED_WITHIN_RANGE),
        c(
            "KEP-4951: a smaller scale-down tolerance lets ratio 0.85 scale down",
            input(10, DEFAULTS.withTolerance(new Tolerance(0.2, 0.05)), load(850)),
            9,
            ReasonCode.DESIRED_WITHIN_RANGE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void combinesForecastAndReactive(
      String source, DecisionInput input, int expectedReplicas, ReasonCode expectedReason) {
    Decision decision = PIPELINE.decide(input);

    assertThat(decision.replicas()).as(decision.explanation()).isEqualTo(expectedReplicas);
    assertThat(decision.reason()).as(decision.explanation()).isEqualTo(expectedReason);
  }

  private static TotalMetric load(double value) {
    return TotalMetric.averageValue("rps", 100, value);
  }

  private static Arguments c(String source, DecisionInput input, int replicas, ReasonCode reason) {
    return Arguments.of(source, input, replicas, reason);
  }
}
