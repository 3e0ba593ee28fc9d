package io.predictivescaler.core.decision;

import static io.predictivescaler.core.decision.TestInputs.PIPELINE;
import static io.predictivescaler.core.decision.TestInputs.T0;
import static io.predictivescaler.core.decision.TestInputs.desiring;
import static io.predictivescaler.core.decision.TestInputs.input;
import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.core.schedule.CronExpression;
import io.predictivescaler.core.schedule.Schedule;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schedule stage: an active schedule's floor raises the recommendation and names itself. */
class ScheduleFloorTest {

  private static final ScalingPolicy POLICY = ScalingPolicy.hpaDefaults(1, 20);

  /** Active at T0, Monday 2025-01-06 00:00 UTC, until 12:00. */
  private static final Schedule MONDAY_MORNING = schedule("monday-morning", "0 0 * * MON", 10);

  @Test
  void raisesALowRecommendationToTheFloorAndNamesTheSchedule() {
    Decision decision =
        PIPELINE.decide(input(6, POLICY.withSchedules(List.of(MONDAY_MORNING)), desiring(2)));

    assertThat(decision.replicas()).isEqualTo(10);
    assertThat(decision.reason()).isEqualTo(ReasonCode.SCHEDULED_FLOOR);
    assertThat(decision.explanation())
        .isEqualTo(
            "6 -> 10: ScheduledFloor, schedule monday-morning (active since 2025-01-06T00:00 UTC)"
                + " raises 2 to its floor 10");
    StageTrace stage = decision.stage(StageTrace.SCHEDULE).orElseThrow();
    assertThat(stage.in()).isEqualTo(2);
    assertThat(stage.out()).isEqualTo(10);
  }

  @Test
  void aRecommendationAboveTheFloorPassesThrough() {
    Decision decision =
        PIPELINE.decide(input(12, POLICY.withSchedules(List.of(MONDAY_MORNING)), desiring(15)));

    assertThat(decision.replicas()).isEqualTo(15);
    assertThat(decision.reason()).isEqualTo(ReasonCode.DESIRED_WITHIN_RANGE);
    assertThat(decision.stage(StageTrace.SCHEDULE).orElseThrow().rule())
        .endsWith(": floor 10 already met by 15");
  }

  @Test
  void anInactiveScheduleChangesNothing() {
    Schedule sunday = schedule("sunday", "0 0 * * SUN", 10);
    Schedule endedMonday =
        new Schedule(
            "ended",
            CronExpression.parse("0 0 * * 0"),
            CronExpression.parse("0 0 * * 1"),
            ZoneId.of("UTC"),
            10);

    Decision with =
        PIPELINE.decide(input(6, POLICY.withSchedules(List.of(sunday, endedMonday)), desiring(2)));
    Decision without = PIPELINE.decide(input(6, POLICY, desiring(2)));

    assertThat(with.replicas()).isEqualTo(without.replicas()).isEqualTo(2);
    assertThat(with.reason()).isEqualTo(without.reason());
    assertThat(with.stage(StageTrace.SCHEDULE).orElseThrow().rule())
        .isEqualTo("no schedule active");
    assertThat(without.stage(StageTrace.SCHEDULE)).isEmpty();
  }

  @Test
  void theHighestActiveFloorWins() {
    Schedule low = schedule("low", "0 0 * * MON", 5);
    Schedule high = schedule("high", "0 0 * * *", 9);
    Schedule inactive = schedule("tuesday", "0 0 * * TUE", 15);

    Decision decision =
        PIPELINE.decide(input(6, POLICY.withSchedules(List.of(low, high, inactive)), desiring(2)));

    assertThat(decision.replicas()).isEqualTo(9);
    assertThat(decision.message()).startsWith("schedule high (").contains("highest of 2 active");
  }

  @Test
  void theFloorIsBoundedByMaxReplicas() {
    ScalingPolicy capped =
        ScalingPolicy.hpaDefaults(1, 8).withSchedules(List.of(schedule("big", "0 0 * * *", 12)));

    Decision decision = PIPELINE.decide(input(6, capped, desiring(2)));

    assertThat(decision.replicas()).isEqualTo(8);
    assertThat(decision.reason()).isEqualTo(ReasonCode.SCHEDULED_FLOOR);
    assertThat(decision.message()).endsWith("raises 2 to its floor 8 (12 capped at maxReplicas)");
  }

  @Test
  void theScaleUpRatePacesTheClimbToTheFloor() {
    ScalingPolicy policy = POLICY.withSchedules(List.of(schedule("big", "0 0 * * *", 20)));

    Decision decision = PIPELINE.decide(input(2, policy, desiring(2)));

    assertThat(decision.stage(StageTrace.SCHEDULE).orElseThrow().out()).isEqualTo(20);
    assertThat(decision.replicas()).isEqualTo(6);
    assertThat(decision.reason()).isEqualTo(ReasonCode.SCALE_UP_LIMIT);
  }

  @Test
  void afterTheEndTheScaleDownWindowHoldsTheFloor() {
    Schedule twoMinutes =
        new Schedule(
            "two-minutes",
            CronExpression.parse("0 0 * * MON"),
            CronExpression.parse("2 0 * * MON"),
            ZoneId.of("UTC"),
            10);
    ScalingPolicy policy = POLICY.withSchedules(List.of(twoMinutes));
    Decision during = PIPELINE.decide(input(6, policy, desiring(2)));

    Decision after =
        PIPELINE.decide(
            new DecisionInput(
                T0.plusSeconds(180),
                10,
                10,
                List.of(desiring(2)),
                Map.of(),
                policy,
                during.nextState(true)));

    assertThat(after.stage(StageTrace.SCHEDULE).orElseThrow().rule())
        .isEqualTo("no schedule active");
    assertThat(after.replicas()).isEqualTo(10);
    assertThat(after.reason()).isEqualTo(ReasonCode.SCALE_DOWN_STABILIZED);
  }

  @Test
  void theFloorAppliesWhileMetricsAreUnavailable() {
    ScalingPolicy policy = POLICY.withSchedules(List.of(MONDAY_MORNING));

    Decision decision =
        PIPELINE.decide(input(6, policy, new UnavailableMetric("rps", "no sample in the window")));

    assertThat(decision.replicas()).isEqualTo(10);
    assertThat(decision.reason()).isEqualTo(ReasonCode.SCHEDULED_FLOOR);
    assertThat(decision.nextState(true).recommendations())
        .extracting(TimedRecommendation::replicas)
        .containsExactly(10);
  }

  @Test
  void unavailableMetricsBelowTheFloorStillHoldTheCount() {
    ScalingPolicy policy = POLICY.withSchedules(List.of(MONDAY_MORNING));

    Decision decision =
        PIPELINE.decide(input(12, policy, new UnavailableMetric("rps", "no sample in the window")));

    assertThat(decision.replicas()).isEqualTo(12);
    assertThat(decision.reason()).isEqualTo(ReasonCode.METRICS_UNAVAILABLE);
    assertThat(decision.nextState(true).recommendations()).isEmpty();
  }

  @Test
  void theShadowHpaKeepsTheSchedules() {
    DecisionInput input = input(6, POLICY.withSchedules(List.of(MONDAY_MORNING)), desiring(2));

    Decision shadow = PIPELINE.decide(input.asPlainHpa(DecisionState.empty()));

    assertThat(shadow.replicas()).isEqualTo(10);
    assertThat(shadow.reason()).isEqualTo(ReasonCode.SCHEDULED_FLOOR);
  }

  /** Starts at {@code start}, ends at noon UTC every day. */
  private static Schedule schedule(String name, String start, int floor) {
    return new Schedule(
        name,
        CronExpression.parse(start),
        CronExpression.parse("0 12 * * *"),
        ZoneId.of("UTC"),
        floor);
  }
}
