package io.predictivescaler.bench.report;

/**
 * Shrinks several series over the same ticks to at most {@code maxPoints} shared x positions
 * without hiding spikes. A range that fits is kept tick by tick; otherwise it is cut into {@code
 * maxPoints / 2} buckets, each drawn at two positions (its first and its middle tick) with, per
 * series, the bucket's minimum and maximum in the order they occurred. Band edges take the bucket's
 * lowest low and highest high at both positions, so the band drawn contains the real one. {@code
 * NaN} values are gaps; a bucket of gaps yields {@code NaN} so that the line breaks there.
 */
final class Downsampler {

  private final int[] bucketFrom;
  private final int[] bucketTo;
  private final boolean tickByTick;

  /** Ticks {@code from} to {@code to}, inclusive. */
  Downsampler(int from, int to, int maxPoints) {
    if (to < from) {
      throw new IllegalArgumentException("empty tick range " + from + ".." + to);
    }
    int n = to - from + 1;
    tickByTick = n <= maxPoints;
    int buckets = tickByTick ? n : Math.max(1, maxPoints / 2);
    bucketFrom = new int[buckets];
    bucketTo = new int[buckets];
    for (int b = 0; b < buckets; b++) {
      bucketFrom[b] = from + (int) ((long) b * n / buckets);
      bucketTo[b] = from + (int) ((long) (b + 1) * n / buckets) - 1;
    }
  }

  /** Number of points each series gets. */
  int size() {
    return tickByTick ? bucketFrom.length : 2 * bucketFrom.length;
  }

  /** The tick of each point. */
  int[] ticks() {
    int[] ticks = new int[size()];
    for (int b = 0; b < bucketFrom.length; b++) {
      if (tickByTick) {
        ticks[b] = bucketFrom[b];
      } else {
        ticks[2 * b] = bucketFrom[b];
        ticks[2 * b + 1] = (bucketFrom[b] + bucketTo[b] + 1) / 2;
      }
    }
    return ticks;
  }

  /** Per bucket its minimum and maximum, in the order they occurred. */
  double[] minMax(double[] values) {
    if (tickByTick) {
      return pick(values);
    }
    double[] out = new double[size()];
    for (int b = 0; b < bucketFrom.length; b++) {
      int min = -1;
      int max = -1;
      for (int i = bucketFrom[b]; i <= bucketTo[b]; i++) {
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
      out[2 * b] = min < 0 ? Double.NaN : values[Math.min(min, max)];
      out[2 * b + 1] = min < 0 ? Double.NaN : values[Math.max(min, max)];
    }
    return out;
  }

  /** A band's lower edge: each bucket's lowest value, at both its positions. */
  double[] low(double[] values) {
    return extreme(values, -1);
  }

  /** A band's upper edge: each bucket's highest value, at both its positions. */
  double[] high(double[] values) {
    return extreme(values, 1);
  }

  private double[] extreme(double[] values, int sign) {
    if (tickByTick) {
      return pick(values);
    }
    double[] out = new double[size()];
    for (int b = 0; b < bucketFrom.length; b++) {
      double best = Double.NaN;
      for (int i = bucketFrom[b]; i <= bucketTo[b]; i++) {
        double v = values[i];
        if (!Double.isNaN(v) && (Double.isNaN(best) || sign * (v - best) > 0)) {
          best = v;
        }
      }
      out[2 * b] = best;
      out[2 * b + 1] = best;
    }
    return out;
  }

  private double[] pick(double[] values) {
    double[] out = new double[bucketFrom.length];
    for (int b = 0; b < bucketFrom.length; b++) {
      out[b] = values[bucketFrom[b]];
    }
    return out;
  }
}
