package io.predictivescaler.forecast.select;

import java.util.Arrays;

/**
 * The most recent out-of-sample residuals (actual minus point forecast) per forecast step, and
 * their empirical quantiles. Not thread-safe (callers lock); {@link #copy} for use elsewhere.
 */
public final class ResidualQuantiles {
  private final float[][] residuals;
  private final int[] sizes;
  private final int[] next;
  private final int capacity;

  public ResidualQuantiles(int steps, int capacity) {
    if (steps < 0) {
      throw new IllegalArgumentException("steps must be >= 0, got " + steps);
    }
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    this.capacity = capacity;
    this.residuals = new float[steps][capacity];
    this.sizes = new int[steps];
    this.next = new int[steps];
  }

  private ResidualQuantiles(ResidualQuantiles other) {
    this.capacity = other.capacity;
    this.residuals = new float[other.residuals.length][];
    for (int j = 0; j < residuals.length; j++) {
      residuals[j] = other.residuals[j].clone();
    }
    this.sizes = other.sizes.clone();
    this.next = other.next.clone();
  }

  public ResidualQuantiles copy() {
    return new ResidualQuantiles(this);
  }

  public int steps() {
    return residuals.length;
  }

  public void add(int step, double residual) {
    residuals[step][next[step]] = (float) residual;
    next[step] = (next[step] + 1) % capacity;
    sizes[step] = Math.min(sizes[step] + 1, capacity);
  }

  public int count(int step) {
    return sizes[step];
  }

  /** Empirical {@code q}-quantile at {@code step} (linear interpolation); NaN with no samples. */
  public double quantile(int step, double q) {
    int n = sizes[step];
    if (n == 0) {
      return Double.NaN;
    }
    float[] sorted = Arrays.copyOf(residuals[step], n);
    Arrays.sort(sorted);
    return quantileOfSorted(sorted, q);
  }

  static double quantileOfSorted(float[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  }

  /** Empirical quantile of {@code values} (not modified). */
  public static double quantile(float[] values, double q) {
    if (values.length == 0) {
      return Double.NaN;
    }
    float[] sorted = values.clone();
    Arrays.sort(sorted);
    return quantileOfSorted(sorted, q);
  }
}
