package io.predictivescaler.forecast.select;

import io.predictivescaler.forecast.Accuracy;

/**
 * Online accuracy of the horizon forecast over the last {@code capacity} scored points, with the
 * baselines scored on the same points. O(1) per point; not thread-safe (callers lock).
 */
public final class AccuracyTracker {
  private static final int SERIES = 4;
  private final int capacity;
  private final float[][] errors;
  private final boolean[] under;
  private final boolean[] covered;
  private final double[] sums = new double[SERIES];
  private final int[] counts = new int[SERIES];
  private int underCount;
  private int coveredCount;
  private int size;
  private int next;

  public AccuracyTracker(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity: must be >= 1, got " + capacity);
    }
    this.capacity = capacity;
    this.errors = new float[SERIES][capacity];
    this.under = new boolean[capacity];
    this.covered = new boolean[capacity];
  }

  /**
   * Records one point: the actual, the forecast's point and upper band, and the baselines' values
   * (NaN where a baseline had no value).
   */
  public void add(
      double actual, double point, double upper, double lastValue, double seasonal, double mean) {
    if (size == capacity) {
      for (int s = 0; s < SERIES; s++) {
        double old = errors[s][next];
        if (!Double.isNaN(old)) {
          sums[s] -= old;
          counts[s]--;
        }
      }
      underCount -= under[next] ? 1 : 0;
      coveredCount -= covered[next] ? 1 : 0;
    } else {
      size++;
    }
    double[] values = {point, lastValue, seasonal, mean};
    for (int s = 0; s < SERIES; s++) {
      float e = (float) Math.abs(actual - values[s]);
      errors[s][next] = e;
      if (!Double.isNaN(e)) {
        sums[s] += e;
        counts[s]++;
      }
    }
    under[next] = actual > point;
    covered[next] = actual <= upper;
    underCount += under[next] ? 1 : 0;
    coveredCount += covered[next] ? 1 : 0;
    next = (next + 1) % capacity;
  }

  public int size() {
    return size;
  }

  public Accuracy snapshot() {
    if (size == 0) {
      return Accuracy.NONE;
    }
    return new Accuracy(
        mean(0),
        mean(1),
        mean(2),
        mean(3),
        underCount / (double) size,
        coveredCount / (double) size,
        size);
  }

  private double mean(int s) {
    return counts[s] == 0 ? Double.NaN : sums[s] / counts[s];
  }
}
