package io.predictivescaler.forecast;

import java.time.Duration;
import java.time.Instant;

/**
 * A series averaged onto the model grid in buckets of {@code ratio} points at fixed places (so that
 * a point falls in the same bucket whichever window it arrives in), for the kept history: a day at
 * 15 s is 5,760 floats, on a 1 min grid 1,440. A bucket is stamped with the time of its newest
 * point and is the mean of its points that are not gaps (a gap when all are). Only buckets the
 * series covers whole are kept: a bucket cut by the window's start or end would otherwise replace a
 * whole one kept from an earlier window with the mean of a few points.
 */
final class GridBuckets {

  private GridBuckets() {}

  /** {@code series} on a grid of {@code ratio} points; the series itself when the ratio is 1. */
  static RegularSeries of(RegularSeries series, int ratio) {
    if (ratio < 1) {
      throw new IllegalArgumentException("ratio: must be >= 1, got " + ratio);
    }
    if (ratio == 1) {
      return series;
    }
    long step = series.stepSeconds();
    long grid = step * ratio;
    long start = series.start().getEpochSecond();
    long phase = Math.floorMod(start, step);
    int firstSlot = (int) Math.floorMod(start - phase, grid) / (int) step;
    int skip = firstSlot == 0 ? 0 : ratio - firstSlot;
    int whole = Math.max(0, (series.size() - skip) / ratio);
    float[] values = series.values();
    float[] buckets = new float[whole];
    for (int b = 0; b < whole; b++) {
      double sum = 0;
      int count = 0;
      for (int i = skip + b * ratio; i < skip + (b + 1) * ratio; i++) {
        if (!Float.isNaN(values[i])) {
          sum += values[i];
          count++;
        }
      }
      buckets[b] = count == 0 ? Float.NaN : (float) (sum / count);
    }
    Instant first = series.start().plusSeconds(step * (skip + ratio - 1));
    return new RegularSeries(first, Duration.ofSeconds(grid), buckets);
  }
}
