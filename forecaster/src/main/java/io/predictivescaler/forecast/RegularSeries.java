package io.predictivescaler.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A regularly sampled series: {@code values[i]} is the load at {@code start + i * step}, oldest
 * first; {@code NaN} marks a gap. The array is not copied: callers hand over ownership.
 */
public record RegularSeries(Instant start, Duration step, float[] values) {

  public RegularSeries {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(values, "values");
    if (step.isNegative() || step.isZero() || step.getNano() != 0) {
      throw new IllegalArgumentException(
          "step: must be a positive whole number of seconds, got " + step);
    }
  }

  public int size() {
    return values.length;
  }

  public long stepSeconds() {
    return step.getSeconds();
  }

  /** Time of the newest point; {@code start - step} when the series is empty. */
  public Instant end() {
    return timeAt(values.length - 1);
  }

  public Instant timeAt(int index) {
    return start.plusSeconds(index * step.getSeconds());
  }

  /**
   * Index of the point at {@code t}, or -1 if {@code t} is not on the grid or outside the series.
   */
  public int indexOf(Instant t) {
    long offset = t.getEpochSecond() - start.getEpochSecond();
    long s = step.getSeconds();
    if (offset < 0 || offset % s != 0 || t.getNano() != 0) {
      return -1;
    }
    long index = offset / s;
    return index < values.length ? (int) index : -1;
  }

  /** The value at {@code t}, or NaN if {@code t} is off the grid, outside the series or a gap. */
  public double valueAt(Instant t) {
    int i = indexOf(t);
    return i < 0 ? Double.NaN : values[i];
  }

  /** Span covered by non-gap data, from the first non-NaN point to the newest point. */
  public Duration span() {
    for (int i = 0; i < values.length; i++) {
      if (!Float.isNaN(values[i])) {
        return step.multipliedBy(values.length - 1L - i);
      }
    }
    return Duration.ZERO;
  }

  /** The points at or after {@code from} (a copy), keeping the grid. */
  public RegularSeries since(Instant from) {
    long offset = Math.max(0, from.getEpochSecond() - start.getEpochSecond());
    int first = (int) Math.min(values.length, (offset + step.getSeconds() - 1) / step.getSeconds());
    float[] copy = java.util.Arrays.copyOfRange(values, first, values.length);
    return new RegularSeries(timeAt(first), step, copy);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RegularSeries r
        && start.equals(r.start)
        && step.equals(r.step)
        && java.util.Arrays.equals(values, r.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(start, step, java.util.Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    return "RegularSeries[start=" + start + ", step=" + step + ", size=" + values.length + "]";
  }
}
