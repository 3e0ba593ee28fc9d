package io.predictivescaler.core.decision;

import io.predictivescaler.core.schedule.Schedule;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What bounds a workload's decisions: replica range, tolerance, autoscaling/v2 behavior, the burst
 * option, the schedule floors and the fallback for unavailable metrics. {@link #hpaDefaults(int,
 * int)} gives exactly a default HPA.
 *
 * @param schedules floors for planned events; the highest active one applies
 * @param fallback what to run once metrics have been unavailable for a while; empty to hold
 */
public record ScalingPolicy(
    int minReplicas,
    int maxReplicas,
    Tolerance tolerance,
    Behavior behavior,
    Burst burst,
    List<Schedule> schedules,
    Optional<Fallback> fallback) {

  public ScalingPolicy {
    Objects.requireNonNull(tolerance, "tolerance");
    Objects.requireNonNull(behavior, "behavior");
    Objects.requireNonNull(burst, "burst");
    schedules = List.copyOf(schedules);
    Objects.requireNonNull(fallback, "fallback");
    if (minReplicas < 0) {
      throw new IllegalArgumentException("minReplicas must be >= 0, got " + minReplicas);
    }
    if (maxReplicas < 1) {
      throw new IllegalArgumentException("maxReplicas must be >= 1, got " + maxReplicas);
    }
    if (maxReplicas < minReplicas) {
      throw new IllegalArgumentException(
          "maxReplicas must be >= minReplicas " + minReplicas + ", got " + maxReplicas);
    }
  }

  /** A policy without schedules or fallback. */
  public ScalingPolicy(
      int minReplicas, int maxReplicas, Tolerance tolerance, Behavior behavior, Burst burst) {
    this(minReplicas, maxReplicas, tolerance, behavior, burst, List.of(), Optional.empty());
  }

  /** A default HPA with this replica range: tolerance 0.1, default behavior, no burst path. */
  public static ScalingPolicy hpaDefaults(int minReplicas, int maxReplicas) {
    return new ScalingPolicy(
        minReplicas,
        maxReplicas,
        HpaDefaults.tolerance(),
        Behavior.hpaDefaults(),
        Burst.disabled());
  }

  public ScalingPolicy withTolerance(Tolerance newTolerance) {
    return new ScalingPolicy(
        minReplicas, maxReplicas, newTolerance, behavior, burst, schedules, fallback);
  }

  public ScalingPolicy withBehavior(Behavior newBehavior) {
    return new ScalingPolicy(
        minReplicas, maxReplicas, tolerance, newBehavior, burst, schedules, fallback);
  }

  public ScalingPolicy withBurst(Burst newBurst) {
    return new ScalingPolicy(
        minReplicas, maxReplicas, tolerance, behavior, newBurst, schedules, fallback);
  }

  public ScalingPolicy withSchedules(List<Schedule> newSchedules) {
    return new ScalingPolicy(
        minReplicas, maxReplicas, tolerance, behavior, burst, newSchedules, fallback);
  }

  public ScalingPolicy withFallback(Optional<Fallback> newFallback) {
    return new ScalingPolicy(
        minReplicas, maxReplicas, tolerance, behavior, burst, schedules, newFallback);
  }

  /** How long a recommendation can matter: the longer stabilization window. */
  Duration recommendationRetention() {
    Duration up = behavior.scaleUp().stabilizationWindow();
    Duration down = behavior.scaleDown().stabilizationWindow();
    return up.compareTo(down) >= 0 ? up : down;
  }

  /** How long a scale event can matter: the longest policy period in either direction. */
  Duration eventRetention() {
    Duration up = behavior.scaleUp().longestPeriod();
    Duration down = behavior.scaleDown().longestPeriod();
    return up.compareTo(down) >= 0 ? up : down;
  }
}
