package io.predictivescaler.collector.window;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A regular series copied out of a {@link RollingWindow}: {@code values[i]} is the slot starting at
 * {@code start + i * step}, oldest first, {@code NaN} for gaps.
 */
public record WindowSnapshot(Instant start, Duration step, float[] values) {

  public WindowSnapshot {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(values, "values");
    if (step.isNegative() || step.isZero()) {
      throw new IllegalArgumentException("step must be > 0, got " + step);
    }
  }

  public int size() {
    return values.length;
  }

  public boolean isEmpty() {
    return values.length == 0;
  }

  /** Start of slot {@code index}. */
  public Instant time(int index) {
    return start.plus(step.multipliedBy(index));
  }

  /** Start of the slot after the newest one, i.e. {@code start + size * step}. */
  public Instant end() {
    return time(values.length);
  }

  public int gapCount() {
    int gaps = 0;
    for (float v : values) {
      if (Float.isNaN(v)) {
        gaps++;
      }
    }
    return gaps;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WindowSnapshot other
        && start.equals(other.start)
        && step.equals(other.step)
        && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(start, step, Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    return "WindowSnapshot[start=" + start + ", step=" + step + ", size=" + values.length + "]";
  }
}
