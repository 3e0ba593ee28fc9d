package io.predictivescaler.forecast.peak;

import java.util.Arrays;

/**
 * The rises of the load over a lead window (the window's peak less the load at its start) seen in
 * the last {@link #HOURS} hours, kept as the largest of each hour, and how far they suggest a rise
 * may go. Pure: time comes from the outcomes' origins.
 */
final class RiseMemory {

  /** How far back a rise is remembered: eight days, so that last week's same day is in it. */
  static final int HOURS = 192;

  private static final long HOUR_SECONDS = 3_600;

  private final float[] hourly = new float[HOURS];
  private long newestHour = Long.MIN_VALUE;
  private double reach = Double.NaN;
  private boolean stale;

  RiseMemory() {
    Arrays.fill(hourly, Float.NaN);
  }

  /** Records the rise over the window that started at {@code originEpochSecond}. */
  void record(long originEpochSecond, double rise) {
    if (Double.isNaN(rise)) {
      return;
    }
    long hour = Math.floorDiv(originEpochSecond, HOUR_SECONDS);
    if (newestHour != Long.MIN_VALUE && hour <= newestHour - HOURS) {
      return;
    }
    if (hour > newestHour) {
      long cleared = newestHour == Long.MIN_VALUE ? HOURS : Math.min(HOURS, hour - newestHour);
      for (long h = hour - cleared + 1; h <= hour; h++) {
        hourly[slot(h)] = Float.NaN;
      }
      newestHour = hour;
      stale = true;
    }
    int at = slot(hour);
    if (Float.isNaN(hourly[at]) || rise > hourly[at]) {
      hourly[at] = (float) rise;
      stale = true;
    }
  }

  /**
   * How far a rise may go by the hours remembered: the largest hourly rise plus its gap to the
   * second largest (Robson and Whitlock's estimate of where a distribution ends from its two
   * largest values: a rise like the largest is expected again, and one beyond it by about as much
   * as the largest went beyond the next); the largest alone while one hour is remembered; NaN while
   * none is.
   */
  double reach() {
    if (stale) {
      double first = Double.NaN;
      double second = Double.NaN;
      for (float v : hourly) {
        if (Float.isNaN(v)) {
          continue;
        }
        if (Double.isNaN(first) || v > first) {
          second = first;
          first = v;
        } else if (Double.isNaN(second) || v > second) {
          second = v;
        }
      }
      reach = Double.isNaN(second) ? first : 2 * first - second;
      stale = false;
    }
    return reach;
  }

  private static int slot(long hour) {
    return (int) Math.floorMod(hour, (long) HOURS);
  }
}
