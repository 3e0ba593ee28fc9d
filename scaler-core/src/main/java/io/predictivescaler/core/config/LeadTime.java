package io.predictivescaler.core.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How far ahead of a load change new capacity must be asked for: the pod start-up time.
 *
 * @param auto true when the lead time is measured per workload from rollouts
 * @param duration the configured lead time, or when {@code auto} the fallback used until a
 *     measurement exists
 */
public record LeadTime(boolean auto, Duration duration) {

  public LeadTime {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("duration must be > 0, got " + duration);
    }
  }

  public static LeadTime auto(Duration fallback) {
    return new LeadTime(true, fallback);
  }

  public static LeadTime fixed(Duration duration) {
    return new LeadTime(false, duration);
  }
}
