package io.predictivescaler.forecast.feature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The engineered features of a direct multi-horizon regression, and their names, defined here and
 * nowhere else (Tribuo treats an unknown feature name as zero, silently).
 *
 * <p>Features describe the series as known at the origin (bucket 0 of a view). Every value is
 * relative: a difference from the newest bucket divided by the recent scale (mean of the last
 * {@value #SCALE_WINDOW} buckets), so one model handles any magnitude. Targets use the same
 * transform: {@code (y[t + h] - y[t]) / scale}. Time of day and day of week are taken in UTC at the
 * origin, as sine and cosine. Seasonal features read the bucket one season before each anchor's
 * target time and are zero, with {@code season_ok = 0}, where history does not reach that far. An
 * extractor given a {@link WeeklyHistory} adds weekly features last, after {@link #plainSize()}:
 * the change from one week before the origin to one week before each anchor's target time (as the
 * seasonal delta), zero with {@code week_ok = 0} where the history does not hold both; a row at
 * origin t therefore reads nothing newer than t - 7 days + the horizon (and one and a half weekly
 * buckets).
 */
public final class FeatureExtractor {
  static final int SCALE_WINDOW = 48;

  /** How many standard errors last week must be nearer by before the weekly features are used. */
  static final double WEEK_MARGIN_ERRORS = 2;

  private static final int[] LAGS = {1, 2, 3, 4, 6};
  private static final int[] MEANS = {4, 12, 48};
  private static final double DAY = 86_400;
  private static final double WEEK = 7 * DAY;

  private final Anchors anchors;
  private final int seasonSteps;
  private final WeeklyHistory weekly;
  private final String[] names;

  private final int plainSize;

  /** Without weekly features. */
  public FeatureExtractor(Anchors anchors, int seasonSteps) {
    this(anchors, seasonSteps, null);
  }

  /** With weekly features read from {@code weekly}; null for none. */
  public FeatureExtractor(Anchors anchors, int seasonSteps, WeeklyHistory weekly) {
    if (anchors.horizon() >= seasonSteps) {
      // a season's anchors would then lie after the origin: training would read the future
      throw new IllegalArgumentException(
          "seasonSteps must be greater than the horizon's "
              + anchors.horizon()
              + " steps, got "
              + seasonSteps);
    }
    this.anchors = anchors;
    this.seasonSteps = seasonSteps;
    this.weekly = weekly;
    List<String> n = new ArrayList<>();
    n.add("level");
    for (int lag : LAGS) {
      n.add("lag" + lag);
    }
    for (int w : MEANS) {
      n.add("mean" + w);
    }
    n.add("max12");
    n.add("min12");
    n.add("tod_sin");
    n.add("tod_cos");
    n.add("dow_sin");
    n.add("dow_cos");
    n.add("season_ok");
    n.add("season_level");
    for (int i = 0; i < anchors.count(); i++) {
      n.add(String.format("season_delta_h%03d", anchors.step(i)));
      n.add(String.format("season_value_h%03d", anchors.step(i)));
    }
    this.plainSize = n.size();
    if (weekly != null) {
      n.add("week_ok");
      for (int i = 0; i < anchors.count(); i++) {
        n.add(String.format("week_delta_h%03d", anchors.step(i)));
      }
    }
    this.names = n.toArray(String[]::new);
  }

  public Anchors anchors() {
    return anchors;
  }

  /** Feature names in the order {@link #extract} writes them. A defensive copy. */
  public String[] names() {
    return names.clone();
  }

  public int size() {
    return names.length;
  }

  /** Features before the weekly ones: all of them without weekly history. */
  public int plainSize() {
    return plainSize;
  }

  /** The same features without the weekly ones. */
  public FeatureExtractor withoutWeekly() {
    return weekly == null ? this : new FeatureExtractor(anchors, seasonSteps);
  }

  /**
   * Whether last week's change to the horizon is nearer the target than yesterday's, both read from
   * the weekly store (so that both are as smooth: the daily features' own reference is noisier and
   * would lose on any daily pattern), over the training rows that have both: by more than {@value
   * #WEEK_MARGIN_ERRORS} standard errors of the mean difference, so that on a series without a
   * weekly pattern, where either is as near as the other, the features stay off rather than be
   * switched on by chance. False without weekly features or such rows.
   *
   * @param y the targets at the anchors, as the rows' scales divide them
   * @param origins each row's origin, epoch seconds
   * @param scales each row's scale ({@link #extract}'s return)
   * @param stepSeconds the view's step
   */
  public boolean weekBeatsDay(double[][] y, long[] origins, double[] scales, long stepSeconds) {
    if (weekly == null) {
      return false;
    }
    int last = anchors.count() - 1;
    long ahead = anchors.step(last) * stepSeconds;
    double sum = 0;
    double squares = 0;
    int rows = 0;
    for (int r = 0; r < y.length; r++) {
      double week = change(origins[r] - (long) WEEK, ahead);
      double day = change(origins[r] - (long) DAY, ahead);
      if (Double.isNaN(week) || Double.isNaN(day)) {
        continue;
      }
      double gain =
          Math.abs(y[r][last] - day / scales[r]) - Math.abs(y[r][last] - week / scales[r]);
      sum += gain;
      squares += gain * gain;
      rows++;
    }
    if (rows < 2) {
      return false;
    }
    double mean = sum / rows;
    double sd = Math.sqrt(Math.max(0, (squares - rows * mean * mean) / (rows - 1)));
    return mean > WEEK_MARGIN_ERRORS * sd / Math.sqrt(rows);
  }

  private double change(long from, long ahead) {
    return weekly.at(from + ahead) - weekly.at(from);
  }

  /** Buckets of history a row needs before its origin for the non-seasonal features. */
  public static int lookback() {
    return SCALE_WINDOW;
  }

  /** The scale that features and targets are divided by, at origin {@code offset} of {@code v}. */
  public static double scale(CoarseView v, int offset) {
    double sum = 0;
    int count = 0;
    for (int k = 0; k < SCALE_WINDOW; k++) {
      double x = v.ago(offset + k);
      if (!Double.isNaN(x)) {
        sum += Math.abs(x);
        count++;
      }
    }
    return count == 0 ? 1e-9 : Math.max(sum / count, 1e-9);
  }

  /**
   * Writes the features at origin {@code offset} (buckets back from the newest) of {@code v} into
   * {@code out}, whose length is {@link #size()}; returns the scale used.
   */
  public double extract(CoarseView v, int offset, double[] out) {
    double scale = scale(v, offset);
    double now = v.filled(offset);
    int i = 0;
    out[i++] = now / scale;
    for (int lag : LAGS) {
      out[i++] = (v.filled(offset + lag) - now) / scale;
    }
    for (int w : MEANS) {
      out[i++] = (mean(v, offset, w) - now) / scale;
    }
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (int k = 0; k < 12; k++) {
      double x = v.filled(offset + k);
      max = Math.max(max, x);
      min = Math.min(min, x);
    }
    out[i++] = (max - now) / scale;
    out[i++] = (min - now) / scale;
    long t = v.endEpochSecond() - offset * v.stepSeconds();
    double tod = 2 * Math.PI * Math.floorMod(t, (long) DAY) / DAY;
    double dow = 2 * Math.PI * Math.floorMod(t, (long) WEEK) / WEEK;
    out[i++] = Math.sin(tod);
    out[i++] = Math.cos(tod);
    out[i++] = Math.sin(dow);
    out[i++] = Math.cos(dow);
    boolean seasonOk = offset + seasonSteps + 1 < v.length();
    out[i++] = seasonOk ? 1 : 0;
    double seasonBase = seasonOk ? smoothed(v, offset + seasonSteps) : now;
    out[i++] = seasonOk ? (seasonBase - now) / scale : 0;
    for (int a = 0; a < anchors.count(); a++) {
      if (seasonOk) {
        double then = smoothed(v, offset + seasonSteps - anchors.step(a));
        out[i++] = (then - seasonBase) / scale;
        out[i++] = (then - now) / scale;
      } else {
        out[i++] = 0;
        out[i++] = 0;
      }
    }
    if (weekly != null) {
      weekly(v.stepSeconds(), t, scale, out, i);
    }
    return scale;
  }

  /** Writes week_ok and the weekly deltas from {@code out[from]} on. */
  private void weekly(long stepSeconds, long t, double scale, double[] out, int from) {
    long weekAgo = t - (long) WEEK;
    double base = weekly.at(weekAgo);
    boolean ok = !Double.isNaN(base);
    int i = from + 1;
    for (int a = 0; a < anchors.count() && ok; a++) {
      double then = weekly.at(weekAgo + anchors.step(a) * stepSeconds);
      ok = !Double.isNaN(then);
      out[i++] = (then - base) / scale;
    }
    if (!ok) {
      Arrays.fill(out, from, from + 1 + anchors.count(), 0);
      return;
    }
    out[from] = 1;
  }

  private static double mean(CoarseView v, int offset, int w) {
    double sum = 0;
    int count = 0;
    for (int k = 0; k < w; k++) {
      double x = v.ago(offset + k);
      if (!Double.isNaN(x)) {
        sum += x;
        count++;
      }
    }
    return count == 0 ? v.filled(offset) : sum / count;
  }

  /** Mean of buckets k-1, k, k+1, which damps the noise of a single bucket a season ago. */
  private static double smoothed(CoarseView v, int k) {
    return (v.filled(Math.max(0, k - 1)) + v.filled(k) + v.filled(k + 1)) / 3;
  }
}
