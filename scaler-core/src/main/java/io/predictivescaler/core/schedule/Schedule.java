package io.predictivescaler.core.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.Objects;
import java.util.Optional;

/**
 * A replica floor for planned events, in the shape of KEDA's cron trigger: active from the latest
 * firing of {@code start} until the next firing of {@code end}, both read on the wall clock of
 * {@code zone}. When both fire at the same minute, {@code end} wins.
 *
 * <p>Daylight saving time follows ISC cron: a firing whose wall-clock time is skipped when clocks
 * go forward takes effect as the clock jumps past it, and one in the hour repeated when clocks go
 * back takes effect once, the first time. Pure: the time is a parameter.
 *
 * @param name names the schedule in reasons and Events
 * @param start when the schedule becomes active
 * @param end when it stops being active
 * @param zone the time zone whose wall clock both expressions read
 * @param minReplicas the floor while active, at least 1
 */
public record Schedule(
    String name, CronExpression start, CronExpression end, ZoneId zone, int minReplicas) {

  public Schedule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(zone, "zone");
    if (name.isBlank()) {
      throw new IllegalArgumentException("schedule name must not be blank");
    }
    if (minReplicas < 1) {
      throw new IllegalArgumentException(
          "schedule " + name + ": minReplicas must be >= 1, got " + minReplicas);
    }
  }

  /**
   * When the schedule is active at {@code now}: the wall-clock minute of the {@code start} firing
   * that opened it; empty when it is not active.
   */
  public Optional<LocalDateTime> activeSince(Instant now) {
    LocalDateTime wallClock = wallClockReached(now);
    Optional<LocalDateTime> started = start.latestAtOrBefore(wallClock);
    if (started.isEmpty()) {
      return started;
    }
    Optional<LocalDateTime> ended = end.latestAtOrBefore(wallClock);
    boolean endedSince = ended.isPresent() && !ended.get().isBefore(started.get());
    return endedSince ? Optional.empty() : started;
  }

  /** Whether the schedule is active at {@code now}. */
  public boolean activeAt(Instant now) {
    return activeSince(now).isPresent();
  }

  /**
   * The latest wall-clock time the zone has shown by {@code now}. It is the local time, except in
   * the hour repeated after clocks go back: there the clock has already shown the whole hour once,
   * so firings in it are not taken again.
   */
  LocalDateTime wallClockReached(Instant now) {
    LocalDateTime local = LocalDateTime.ofInstant(now, zone);
    ZoneOffsetTransition last = zone.getRules().previousTransition(now.plusNanos(1));
    if (last != null && last.isOverlap() && local.isBefore(last.getDateTimeBefore())) {
      return last.getDateTimeBefore().minusNanos(1);
    }
    return local;
  }
}
