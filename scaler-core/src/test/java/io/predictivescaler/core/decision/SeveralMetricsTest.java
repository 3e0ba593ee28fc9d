package io.predictivescaler.core.decision;

import static io.predictivescaler.core.decision.TestInputs.PIPELINE;
import static io.predictivescaler.core.decision.TestInputs.input;
import static io.predictivescaler.core.decision.TestInputs.withForecasts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A workload with several metrics, each with its own forecast: as in the HPA, the largest
 * recommendation wins and the reason names its metric. The workload runs 10 replicas; {@code
 * requests} reads 300 at 100 per replica (3 replicas), {@code queue} 60 at 10 per replica (6).
 */
class SeveralMetricsTest {

  private static final ScalingPolicy DEFAULTS = ScalingPolicy.hpaDefaults(1, 50);
  private static final TotalMetric REQUESTS = TotalMetric.averageValue("requests", 100, 300);
  private static final TotalMetric QUEUE = TotalMetric.averageValue("queue", 10, 60);

  @Test
  void theLargestForecastWinsAndTheReasonNamesItsMetric() {
    DecisionInput input =
        withForecasts(
            input(10, DEFAULTS, REQUESTS, QUEUE),
            Map.of(
                "requests", ForecastSummary.trusted(1200, "linear"),
                "queue", ForecastSummary.trusted(80, "holt")));

    Decision decision = PIPELINE.decide(input);

    assertThat(decision.replicas()).isEqualTo(12);
    assertThat(decision.reason()).isEqualTo(ReasonCode.PREDICTED_LOAD);
    assertThat(decision.message())
        .startsWith("requests forecast: model linear peak upper band 1200 / 100 per replica = 12")
        .contains("largest of 2 usable forecasts");
  }

  @Test
  void aSmallerForecastDoesNotHideTheOtherMetric() {
    DecisionInput input =
        withForecasts(
            input(10, DEFAULTS, REQUESTS, QUEUE),
            Map.of(
                "requests", ForecastSummary.trusted(400, "linear"),
                "queue", ForecastSummary.trusted(140, "holt")));

    Decision decision = PIPELINE.decide(input);

    assertThat(decision.replicas()).isEqualTo(14);
    assertThat(decision.message()).startsWith("queue forecast: model holt");
  }

  @Test
  void withoutForecastsTheLargestReactiveRecommendationWinsNamingItsMetric() {
    Decision decision = PIPELINE.decide(input(4, DEFAULTS, REQUESTS, QUEUE));

    assertThat(decision.replicas()).isEqualTo(6);
    assertThat(decision.reason()).isEqualTo(ReasonCode.DESIRED_WITHIN_RANGE);
    assertThat(decision.message()).startsWith("queue 60 vs 10 per replica");
  }

  @Test
  void aMetricWithoutAUsableForecastIsReadAtItsReactiveTarget() {
    TotalMetric requests = TotalMetric.averageValue("requests", 100, 50, 300);
    DecisionInput input =
        withForecasts(
            input(10, DEFAULTS, requests, QUEUE),
            Map.of(
                "requests", ForecastSummary.untrusted(300, "linear", "collapsed"),
                "queue", ForecastSummary.trusted(80, "holt")));

    Decision decision = PIPELINE.decide(input);

    // requests at its reactive target, 300 / 50 = 6; the queue's forecast asks for 8
    assertThat(decision.stage(StageTrace.REACTIVE).orElseThrow().rule())
        .contains("requests 300 vs 50 per replica")
        .doesNotContain("vs 100 per replica");
    assertThat(decision.replicas()).isEqualTo(8);
    assertThat(decision.message()).contains("1 not used (first: requests forecast: model linear");
  }

  @Test
  void whenNoForecastIsUsableTheFirstMetricsReasonIsTheStages() {
    DecisionInput input =
        withForecasts(
            input(4, DEFAULTS, REQUESTS, QUEUE),
            Map.of(
                "requests", ForecastSummary.insufficientHistory("none", "no load samples yet"),
                "queue", ForecastSummary.untrusted(80, "holt", "collapsed")));

    Decision decision = PIPELINE.decide(input);

    assertThat(decision.replicas()).isEqualTo(6);
    assertThat(decision.reason()).isEqualTo(ReasonCode.INSUFFICIENT_HISTORY);
    assertThat(decision.message())
        .contains("requests forecast: model none has too little history")
        .contains("queue forecast: model holt not trusted (collapsed)")
        .contains("queue 60 vs 10 per replica");
  }

  @Test
  void anInvalidMetricBlocksAScaleDownTheOtherAsksForAndItsForecast() {
    UnavailableMetric queue = new UnavailableMetric("queue", "no sample in the window yet");

    DecisionInput input =
        withForecasts(
            input(10, DEFAULTS, REQUESTS, queue),
            Map.of("requests", ForecastSummary.trusted(1200, "linear")));

    Decision decision = PIPELINE.decide(input);

    // no forecast while metrics are unavailable: the count is held, as the HPA holds it
    assertThat(decision.replicas()).isEqualTo(10);
    assertThat(decision.reason()).isEqualTo(ReasonCode.METRICS_UNAVAILABLE);
    assertThat(decision.message()).contains("queue: no sample in the window yet");
  }

  @Test
  void anInvalidMetricDoesNotBlockAScaleUpTheOtherAsksFor() {
    UnavailableMetric requests = new UnavailableMetric("requests", "no sample in the window yet");

    Decision decision = PIPELINE.decide(input(4, DEFAULTS, requests, QUEUE));

    assertThat(decision.replicas()).isEqualTo(6);
    assertThat(decision.message()).startsWith("queue 60 vs 10 per replica");
  }

  @Test
  void anInvalidMetricsForecastCannotBeSizedButTheOthersCan() {
    TotalMetric requests = TotalMetric.averageValue("requests", 100, 1000);
    UnavailableMetric queue = new UnavailableMetric("queue", "no sample in the window yet");
    DecisionInput input =
        withForecasts(
            input(10, DEFAULTS, requests, queue),
            Map.of(
                "requests", ForecastSummary.trusted(1200, "linear"),
                "queue", ForecastSummary.trusted(80, "holt")));

    Decision decision = PIPELINE.decide(input);

    assertThat(decision.replicas()).isEqualTo(12);
    assertThat(decision.message()).contains("cannot size the forecast with queue this tick");
  }

  @Test
  void aForecastMustNameAMetricOfTheInput() {
    assertThatThrownBy(
            () ->
                withForecasts(
                    input(4, DEFAULTS, REQUESTS),
                    Map.of("latency", ForecastSummary.trusted(1, "linear"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("latency");
  }
}
