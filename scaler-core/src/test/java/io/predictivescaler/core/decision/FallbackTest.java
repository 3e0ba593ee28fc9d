package io.predictivescaler.core.decision;

import static io.predictivescaler.core.decision.TestInputs.PIPELINE;
import static io.predictivescaler.core.decision.TestInputs.T0;
import static io.predictivescaler.core.decision.TestInputs.desiring;
import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.core.schedule.CronExpression;
import io.predictivescaler.core.schedule.Schedule;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The fallback stage (KEDA's fallback): once no metric could be used for {@code after}, the
 * workload runs the fallback count; before that, and without a fallback, the count stays.
 */
class FallbackTest {

  private static final MetricInput MISSING = new UnavailableMetric("rps", "no sample");
  private static final Fallback TWO_AFTER_5M = new Fallback(2, Duration.ofMinutes(5));
  private static final ScalingPolicy POLICY =
      ScalingPolicy.hpaDefaults(1, 20).withFallback(Optional.of(TWO_AFTER_5M));

  @Test
  void withoutAFallbackTheCountStaysHoweverLongMetricsAreMissing() {
    ScalingPolicy plain = ScalingPolicy.hpaDefaults(1, 20);
    Decision first = decide(0, 6, plain, DecisionState.empty(), MISSING);

    Decision hourLater = decide(3600, 6, plain, first.nextState(true), MISSING);

    assertThat(hourLater.replicas()).isEqualTo(6);
    assertThat(hourLater.reason()).isEqualTo(ReasonCode.METRICS_UNAVAILABLE);
    assertThat(hourLater.trace()).extracting(StageTrace::stage).containsExactly("reactive");
    assertThat(hourLater.nextState(true).metricsUnavailableSince()).contains(T0);
  }

  @Test
  void notBeforeMetricsHaveBeenMissingForAfter() {
    Decision first = decide(0, 6, POLICY, DecisionState.empty(), MISSING);

    Decision justBefore = decide(299, 6, POLICY, first.nextState(true), MISSING);

    assertThat(justBefore.replicas()).isEqualTo(6);
    assertThat(justBefore.reason()).isEqualTo(ReasonCode.METRICS_UNAVAILABLE);
    assertThat(justBefore.stage(StageTrace.FALLBACK).orElseThrow().rule())
        .isEqualTo("metrics unavailable for 299s (fallback after 300s): keep 6 until then, then 2");
  }

  @Test
  void runsTheFallbackOnceMetricsHaveBeenMissingForAfter() {
    Decision first = decide(0, 6, POLICY, DecisionState.empty(), MISSING);
    Decision second = decide(150, 6, POLICY, first.nextState(true), MISSING);

    Decision due = decide(300, 6, POLICY, second.nextState(true), MISSING);

    assertThat(due.replicas()).isEqualTo(2);
    assertThat(due.reason()).isEqualTo(ReasonCode.FALLBACK_REPLICAS);
    assertThat(due.explanation())
        .isEqualTo(
            "6 -> 2: FallbackReplicas, metrics unavailable for 300s (fallback after 300s):"
                + " fallback to 2");
    assertThat(due.nextState(true).scaleDownEvents()).hasSize(1);
    assertThat(due.nextState(true).metricsUnavailableSince()).contains(T0);
  }

  @Test
  void theFallbackCanScaleUpAndTheRatePolicyStillPacesIt() {
    ScalingPolicy policy =
        POLICY.withFallback(Optional.of(new Fallback(15, Duration.ofMinutes(5))));
    Decision first = decide(0, 3, policy, DecisionState.empty(), MISSING);

    Decision due = decide(300, 3, policy, first.nextState(true), MISSING);

    assertThat(due.stage(StageTrace.FALLBACK).orElseThrow().out()).isEqualTo(15);
    assertThat(due.replicas()).isEqualTo(7);
    assertThat(due.reason()).isEqualTo(ReasonCode.SCALE_UP_LIMIT);
  }

  @Test
  void aMetricBackRestartsTheCount() {
    Decision missing = decide(0, 6, POLICY, DecisionState.empty(), MISSING);
    Decision back = decide(100, 6, POLICY, missing.nextState(true), desiring(6));
    Decision missingAgain = decide(200, 6, POLICY, back.nextState(true), MISSING);

    Decision later = decide(450, 6, POLICY, missingAgain.nextState(true), MISSING);

    assertThat(back.nextState(true).metricsUnavailableSince()).isEmpty();
    assertThat(later.nextState(true).metricsUnavailableSince()).contains(T0.plusSeconds(200));
    assertThat(later.replicas()).isEqualTo(6);
    assertThat(later.reason()).isEqualTo(ReasonCode.METRICS_UNAVAILABLE);
  }

  @Test
  void anActiveScheduleRaisesTheFallbackToItsFloor() {
    Schedule allDay =
        new Schedule(
            "all-day",
            CronExpression.parse("0 0 * * *"),
            CronExpression.parse("59 23 * * *"),
            ZoneId.of("UTC"),
            4);
    ScalingPolicy policy = POLICY.withSchedules(List.of(allDay));
    Decision first = decide(0, 6, policy, DecisionState.empty(), MISSING);

    Decision due = decide(300, 6, policy, first.nextState(true), MISSING);

    assertThat(due.replicas()).isEqualTo(4);
    assertThat(due.reason()).isEqualTo(ReasonCode.SCHEDULED_FLOOR);
    assertThat(due.message()).contains("raises 2 to its floor 4");
  }

  private static Decision decide(
      long seconds, int current, ScalingPolicy policy, DecisionState state, MetricInput metric) {
    return PIPELINE.decide(
        new DecisionInput(
            T0.plusSeconds(seconds), current, current, List.of(metric), Map.of(), policy, state));
  }
}
