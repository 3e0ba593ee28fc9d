package io.predictivescaler.core.decision;

import io.predictivescaler.core.schedule.Schedule;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The schedule floor (KEDA's cron trigger, EHPA's crons): while a schedule is active, the
 * recommendation is at least its {@code minReplicas}, bounded by {@code maxReplicas}. Of several
 * active schedules the highest floor applies, and the rule names it. Runs only when the policy has
 * schedules.
 */
final class ScheduleStage {

  private ScheduleStage() {}

  static StageResult run(int desired, Instant now, ScalingPolicy policy) {
    Schedule winner = null;
    LocalDateTime since = null;
    int active = 0;
    for (Schedule schedule : policy.schedules()) {
      Optional<LocalDateTime> started = schedule.activeSince(now);
      if (started.isEmpty()) {
        continue;
      }
      active++;
      if (winner == null || schedule.minReplicas() > winner.minReplicas()) {
        winner = schedule;
        since = started.get();
      }
    }
    if (winner == null) {
      return StageResult.passed(
          new StageTrace(StageTrace.SCHEDULE, desired, desired, "no schedule active"));
    }
    int floor = Math.min(winner.minReplicas(), policy.maxReplicas());
    String which =
        "schedule "
            + winner.name()
            + " (active since "
            + since
            + " "
            + winner.zone().getId()
            + (active > 1 ? ", highest of " + active + " active" : "")
            + ")";
    if (floor <= desired) {
      return StageResult.passed(
          new StageTrace(
              StageTrace.SCHEDULE,
              desired,
              desired,
              which + ": floor " + floor + " already met by " + desired));
    }
    String capped =
        floor < winner.minReplicas() ? " (" + winner.minReplicas() + " capped at maxReplicas)" : "";
    return StageResult.set(
        new StageTrace(
            StageTrace.SCHEDULE,
            desired,
            floor,
            which + " raises " + desired + " to its floor " + floor + capped),
        ReasonCode.SCHEDULED_FLOOR);
  }
}
