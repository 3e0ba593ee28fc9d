package io.predictivescaler.forecast.feature;

import io.predictivescaler.forecast.RegularSeries;

/**
 * A series seen on a coarser grid, newest first: bucket {@code k} is the mean of the {@code ratio}
 * raw points ending {@code k * ratio} points before the newest one (NaN when all of them are gaps).
 * Buckets are computed on demand, so building a view over a 24 h window costs nothing.
 */
public final class CoarseView {
  private final float[] raw;
  private final int rawEnd;
  private final int ratio;
  private final long endEpochSecond;
  private final long stepSeconds;

  private CoarseView(float[] raw, int rawEnd, int ratio, long endEpochSecond, long stepSeconds) {
    this.raw = raw;
    this.rawEnd = rawEnd;
    this.ratio = ratio;
    this.endEpochSecond = endEpochSecond;
    this.stepSeconds = stepSeconds;
  }

  /** A lazy view of {@code series} with buckets of {@code ratio} raw points, ending at its end. */
  public static CoarseView of(RegularSeries series, int ratio) {
    if (ratio < 1) {
      throw new IllegalArgumentException("ratio: must be >= 1, got " + ratio);
    }
    return new CoarseView(
        series.values(),
        series.size(),
        ratio,
        series.end().getEpochSecond(),
        series.stepSeconds() * ratio);
  }

  /**
   * Averages {@code series} into buckets once and fills gaps by linear interpolation (leading gaps
   * take the first value), for training, where every bucket is read many times.
   */
  public static CoarseView materialize(RegularSeries series, int ratio) {
    CoarseView lazy = of(series, ratio);
    int n = lazy.length();
    float[] coarse = new float[n];
    for (int i = 0; i < n; i++) {
      coarse[i] = (float) lazy.ago(n - 1 - i);
    }
    fillGaps(coarse);
    return new CoarseView(coarse, n, 1, lazy.endEpochSecond, lazy.stepSeconds);
  }

  static void fillGaps(float[] v) {
    int prev = -1;
    for (int i = 0; i < v.length; i++) {
      if (Float.isNaN(v[i])) {
        continue;
      }
      if (prev == -1) {
        java.util.Arrays.fill(v, 0, i, v[i]);
      } else {
        for (int j = prev + 1; j < i; j++) {
          v[j] = v[prev] + (v[i] - v[prev]) * (j - prev) / (i - prev);
        }
      }
      prev = i;
    }
    if (prev >= 0 && prev < v.length - 1) {
      java.util.Arrays.fill(v, prev + 1, v.length, v[prev]);
    }
  }

  /** Number of whole buckets. */
  public int length() {
    return rawEnd / ratio;
  }

  public long stepSeconds() {
    return stepSeconds;
  }

  /** End time (epoch seconds) of the newest bucket. */
  public long endEpochSecond() {
    return endEpochSecond;
  }

  /** Mean of bucket {@code k} (0 = newest); NaN if out of range or all gaps. */
  public double ago(int k) {
    if (k < 0 || k >= length()) {
      return Double.NaN;
    }
    int hi = rawEnd - k * ratio;
    if (ratio == 1) {
      return raw[hi - 1];
    }
    double sum = 0;
    int count = 0;
    for (int i = hi - ratio; i < hi; i++) {
      float x = raw[i];
      if (!Float.isNaN(x)) {
        sum += x;
        count++;
      }
    }
    return count == 0 ? Double.NaN : sum / count;
  }

  /** Bucket {@code k}, or failing that the nearest older bucket with data (NaN if none). */
  public double filled(int k) {
    int n = length();
    for (int j = k; j < n; j++) {
      double v = ago(j);
      if (!Double.isNaN(v)) {
        return v;
      }
    }
    for (int j = Math.min(k, n) - 1; j >= 0; j--) {
      double v = ago(j);
      if (!Double.isNaN(v)) {
        return v;
      }
    }
    return Double.NaN;
  }

  /** The same view ending {@code k} buckets earlier. */
  public CoarseView shift(int k) {
    if (k < 0 || k > length()) {
      throw new IllegalArgumentException("k: must be in [0, " + length() + "], got " + k);
    }
    return new CoarseView(
        raw, rawEnd - k * ratio, ratio, endEpochSecond - k * stepSeconds, stepSeconds);
  }

  /** Buckets oldest first, as a new array. */
  public double[] toArray() {
    int n = length();
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = ago(n - 1 - i);
    }
    return out;
  }
}
