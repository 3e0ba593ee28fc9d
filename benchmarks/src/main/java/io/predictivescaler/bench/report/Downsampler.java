package io.predictivescaler.bench.report;

/**
 * Shrinks long series for plotting without hiding spikes: each bucket of consecutive points keeps
 * its minimum and its maximum, in time order. {@code NaN} values are gaps; a bucket of gaps yields
 * a {@code NaN} point so that the line breaks there.
 */
final class Downsampler {

  private Downsampler() {}

  /** Points kept: {@code x} is the (fractional) index in the original series. */
  record Points(double[] x, double[] y) {
    int size() {
      return x.length;
    }
  }

  /** Envelope per bucket: {@code x} is the bucket's centre index. */
  record Envelope(double[] x, double[] low, double[] high) {
    int size() {
      return x.length;
    }
  }

  /** At most {@code maxPoints} points (at least 2) keeping each bucket's min and max. */
  static Points minMax(double[] values, int maxPoints) {
    int n = values.length;
    if (n <= maxPoints) {
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = i;
      }
      return new Points(x, values.clone());
    }
    int buckets = Math.max(1, maxPoints / 2);
    double[] x = new double[buckets * 2];
    double[] y = new double[buckets * 2];
    int out = 0;
    for (int b = 0; b < buckets; b++) {
      int from = (int) ((long) b * n / buckets);
      int to = (int) ((long) (b + 1) * n / buckets);
      int min = -1;
      int max = -1;
      for (int i = from; i < to; i++) {
        if (Double.isNaN(values[i])) {
          continue;
        }
        if (min < 0 || values[i] < values[min]) {
          min = i;
        }
        if (max < 0 || values[i] > values[max]) {
          max = i;
        }
      }
      if (min < 0) {
        x[out] = from;
        y[out++] = Double.NaN;
        continue;
      }
      int first = Math.min(min, max);
      int second = Math.max(min, max);
      x[out] = first;
      y[out++] = values[first];
      if (second != first) {
        x[out] = second;
        y[out++] = values[second];
      }
    }
    return new Points(java.util.Arrays.copyOf(x, out), java.util.Arrays.copyOf(y, out));
  }

  /**
   * At most {@code maxBuckets} buckets, each with the lowest {@code low} and highest {@code high}.
   */
  static Envelope envelope(double[] low, double[] high, int maxBuckets) {
    int n = low.length;
    int buckets = Math.min(n, Math.max(1, maxBuckets));
    double[] x = new double[buckets];
    double[] lo = new double[buckets];
    double[] hi = new double[buckets];
    for (int b = 0; b < buckets; b++) {
      int from = (int) ((long) b * n / buckets);
      int to = (int) ((long) (b + 1) * n / buckets);
      double min = Double.NaN;
      double max = Double.NaN;
      for (int i = from; i < to; i++) {
        if (!Double.isNaN(low[i]) && !(low[i] >= min)) {
          min = low[i];
        }
        if (!Double.isNaN(high[i]) && !(high[i] <= max)) {
          max = high[i];
        }
      }
      x[b] = (from + to - 1) / 2.0;
      lo[b] = min;
      hi[b] = max;
    }
    return new Envelope(x, lo, hi);
  }
}
