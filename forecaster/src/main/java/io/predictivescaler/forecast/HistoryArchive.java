package io.predictivescaler.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * The matured history of one series, longer than the live window: each window handed to a refit is
 * merged in (newer values win) and anything older than {@code retention} is dropped. Training
 * examples are rebuilt from it at each refit, which keeps every matured example (features known at
 * t, load at t + h) without storing them, and lets a backfill be used whole at once.
 */
final class HistoryArchive {
  private Duration retention = Duration.ZERO;
  private RegularSeries series;

  /** Merges {@code window}, keeping {@code retention}; a change of step discards what was kept. */
  RegularSeries merge(RegularSeries window, Duration retention) {
    this.retention = retention;
    if (series == null || !series.step().equals(window.step()) || window.size() == 0) {
      series = window.size() == 0 ? series : copy(window);
      return trim();
    }
    long s = window.stepSeconds();
    if (Math.floorMod(window.start().getEpochSecond() - series.start().getEpochSecond(), s) != 0) {
      series = copy(window);
      return trim();
    }
    long first = Math.min(series.start().getEpochSecond(), window.start().getEpochSecond());
    long last = Math.max(series.end().getEpochSecond(), window.end().getEpochSecond());
    // the oldest kept point stays on the series' grid, whatever the retention
    long keepFrom =
        first + s * Math.max(0, -Math.floorDiv(-(last - retention.getSeconds() - first), s));
    int n = (int) ((last - keepFrom) / s) + 1;
    float[] merged = new float[n];
    Arrays.fill(merged, Float.NaN);
    write(series, keepFrom, s, merged);
    write(window, keepFrom, s, merged);
    series = new RegularSeries(Instant.ofEpochSecond(keepFrom), window.step(), merged);
    return series;
  }

  RegularSeries series() {
    return series;
  }

  private static void write(RegularSeries from, long keepFrom, long s, float[] into) {
    float[] v = from.values();
    long start = from.start().getEpochSecond();
    for (int i = 0; i < v.length; i++) {
      long idx = (start + i * s - keepFrom) / s;
      if (idx >= 0 && idx < into.length && !Float.isNaN(v[i])) {
        into[(int) idx] = v[i];
      }
    }
  }

  private RegularSeries trim() {
    if (series != null && series.step().multipliedBy(series.size()).compareTo(retention) > 0) {
      series = series.since(series.end().minus(retention));
    }
    return series;
  }

  private static RegularSeries copy(RegularSeries s) {
    return new RegularSeries(s.start(), s.step(), s.values().clone());
  }
}
