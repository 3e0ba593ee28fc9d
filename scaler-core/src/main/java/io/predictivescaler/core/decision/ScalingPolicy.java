package io.predictivescaler.core.decision;

import java.time.Duration;
import java.util.Objects;

/**
 * What bounds a workload's decisions: replica range, tolerance, autoscaling/v2 behavior and the
 * burst option. {@link #hpaDefaults(int, int)} gives exactly a default HPA.
 */
public record ScalingPolicy(
    int minReplicas, int maxReplicas, Tolerance tolerance, Behavior behavior, Burst burst) {

  public ScalingPolicy {
    Objects.requireNonNull(tolerance, "tolerance");
    Objects.requireNonNull(behavior, "behavior");
    Objects.requireNonNull(burst, "burst");
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
    return new ScalingPolicy(minReplicas, maxReplicas, newTolerance, behavior, burst);
  }

  public ScalingPolicy withBehavior(Behavior newBehavior) {
    return new ScalingPolicy(minReplicas, maxReplicas, tolerance, newBehavior, burst);
  }

  public ScalingPolicy withBurst(Burst newBurst) {
    return new ScalingPolicy(minReplicas, maxReplicas, tolerance, behavior, newBurst);
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
