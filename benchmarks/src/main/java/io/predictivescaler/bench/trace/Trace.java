package io.predictivescaler.bench.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A regular load series: {@code values[i]} is the load at {@code epochSeconds[i]}, consecutive
 * points one {@link #step()} apart.
 *
 * <p>A trace fresh from {@link TraceLoader} has {@code step() == sourceInterval()}; after {@link
 * #resample(Duration)} the points sit on the control step while {@code sourceInterval} still says
 * how often the original was recorded. The arrays are shared, not copied (traces are large and
 * never mutated by this package): callers must not write to them.
 *
 * @param name a label for reports, usually the file name
 * @param epochSeconds timestamps in seconds since the epoch (UTC), strictly increasing and evenly
 *     spaced
 * @param values load at each timestamp, finite and non-negative
 * @param sourceInterval the interval at which the original trace was recorded
 * @param filledPoints how many points were missing from the file and interpolated linearly
 * @param repairs the rows the loader sorted, merged or moved onto the grid to make the file regular
 */
public record Trace(
    String name,
    long[] epochSeconds,
    double[] values,
    Duration sourceInterval,
    int filledPoints,
    TraceRepairs repairs) {

  public Trace {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(epochSeconds, "epochSeconds");
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(sourceInterval, "sourceInterval");
    Objects.requireNonNull(repairs, "repairs");
    if (epochSeconds.length == 0) {
      throw new IllegalArgumentException("trace " + name + ": no points");
    }
    if (epochSeconds.length != values.length) {
      throw new IllegalArgumentException(
          "trace "
              + name
              + ": "
              + epochSeconds.length
              + " timestamps but "
              + values.length
              + " values");
    }
    if (sourceInterval.isNegative() || sourceInterval.isZero()) {
      throw new IllegalArgumentException(
          "trace " + name + ": sourceInterval must be > 0, got " + sourceInterval);
    }
    if (filledPoints < 0) {
      throw new IllegalArgumentException(
          "trace " + name + ": filledPoints must be >= 0, got " + filledPoints);
    }
  }

  /** A trace that needed no repair: built in code, or from a regular file. */
  public Trace(
      String name,
      long[] epochSeconds,
      double[] values,
      Duration sourceInterval,
      int filledPoints) {
    this(name, epochSeconds, values, sourceInterval, filledPoints, TraceRepairs.NONE);
  }

  /** Number of points. */
  public int size() {
    return values.length;
  }

  public Instant start() {
    return Instant.ofEpochSecond(epochSeconds[0]);
  }

  public Instant end() {
    return Instant.ofEpochSecond(epochSeconds[epochSeconds.length - 1]);
  }

  /** Time from the first to the last point. */
  public Duration span() {
    return Duration.ofSeconds(epochSeconds[epochSeconds.length - 1] - epochSeconds[0]);
  }

  /** Spacing of the points: the source interval, or the control step after resampling. */
  public Duration step() {
    return size() < 2 ? sourceInterval : Duration.ofSeconds(epochSeconds[1] - epochSeconds[0]);
  }

  /** Largest value; 0 for an all-zero trace. */
  public double peak() {
    double peak = 0;
    for (double v : values) {
      peak = Math.max(peak, v);
    }
    return peak;
  }

  /**
   * The same load at {@code step}, linearly interpolated between the original points, from the
   * first point to the last one that fits.
   */
  public Trace resample(Duration step) {
    return TraceResampler.resample(this, step);
  }
}
