package io.predictivescaler.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A forecast made at {@code origin}: {@code point[j]} and {@code upper[j]} are for {@code origin +
 * (j + 1) * step}. {@code upper} adds the {@code quantile} of recent out-of-sample residuals for
 * that step. {@code fittedAt} is null when no model has been fitted yet (then the arrays hold the
 * last value and the verdict is untrusted).
 */
public record Forecast(
    Instant origin,
    Duration step,
    double[] point,
    double[] upper,
    double quantile,
    String model,
    Instant fittedAt,
    TrustVerdict trust,
    Accuracy accuracy) {

  public Forecast {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(point, "point");
    Objects.requireNonNull(upper, "upper");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(trust, "trust");
    Objects.requireNonNull(accuracy, "accuracy");
    if (point.length != upper.length) {
      throw new IllegalArgumentException(
          "upper: must have one value per point (" + point.length + "), got " + upper.length);
    }
  }

  public boolean trusted() {
    return trust.trusted();
  }

  public int steps() {
    return point.length;
  }

  public Duration horizon() {
    return step.multipliedBy(point.length);
  }

  public Instant timeAt(int index) {
    return origin.plus(step.multipliedBy(index + 1L));
  }

  /** Highest upper band over the forecast steps in [from, to]; NaN if none falls inside. */
  public double peakUpper(Instant from, Instant to) {
    return peak(upper, from, to);
  }

  /** Highest point forecast over the forecast steps in [from, to]; NaN if none falls inside. */
  public double peakPoint(Instant from, Instant to) {
    return peak(point, from, to);
  }

  /**
   * Point forecast at {@code t}, linearly interpolated between steps; NaN outside (origin, end].
   */
  public double pointAt(Instant t) {
    return interpolate(point, t);
  }

  public double upperAt(Instant t) {
    return interpolate(upper, t);
  }

  private double peak(double[] values, Instant from, Instant to) {
    long s = step.getSeconds();
    long o = origin.getEpochSecond();
    long first = Math.max(0, ceilDiv(from.getEpochSecond() - o, s) - 1);
    long last = Math.min(values.length - 1L, Math.floorDiv(to.getEpochSecond() - o, s) - 1);
    double max = Double.NaN;
    for (long j = first; j <= last; j++) {
      double v = values[(int) j];
      if (Double.isNaN(max) || v > max) {
        max = v;
      }
    }
    return max;
  }

  private double interpolate(double[] values, Instant t) {
    double pos = (t.getEpochSecond() - origin.getEpochSecond()) / (double) step.getSeconds() - 1;
    if (values.length == 0 || pos < -1 || pos > values.length - 1) {
      return Double.NaN;
    }
    if (pos <= 0) {
      return values[0];
    }
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, values.length - 1);
    double w = pos - lo;
    return values[lo] * (1 - w) + values[hi] * w;
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Forecast f
        && origin.equals(f.origin)
        && step.equals(f.step)
        && Arrays.equals(point, f.point)
        && Arrays.equals(upper, f.upper)
        && quantile == f.quantile
        && model.equals(f.model)
        && Objects.equals(fittedAt, f.fittedAt)
        && trust.equals(f.trust)
        && accuracy.equals(f.accuracy);
  }

  @Override
  public int hashCode() {
    return Objects.hash(origin, step, Arrays.hashCode(point), model, fittedAt, trust);
  }

  @Override
  public String toString() {
    return "Forecast[origin="
        + origin
        + ", step="
        + step
        + ", model="
        + model
        + ", point="
        + Arrays.toString(point)
        + ", upper="
        + Arrays.toString(upper)
        + ", trust="
        + trust
        + "]";
  }
}
