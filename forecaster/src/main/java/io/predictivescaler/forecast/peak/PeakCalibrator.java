package io.predictivescaler.forecast.peak;

import io.predictivescaler.forecast.RegularSeries;
import java.util.Arrays;

/**
 * The calibrated distribution of the peak load over the lead window, learned online for one series.
 *
 * <p>Each tick it predicts the peak over the next {@code leadSteps} series steps as the larger of
 * the newest load and the highest point of the forecast path over those steps. Once that window has
 * passed, the ratio of the actual peak to the prediction becomes a conformal score (in log space,
 * with a small floor so that near-zero loads do not explode). The band at level {@code q} is the
 * prediction times the score quantile at {@code 1 - alpha}, where {@code alpha} adapts per level as
 * in adaptive conformal inference (Gibbs and Candès, 2021): after a miss it shrinks, after a hit it
 * grows, so that the band's long-run coverage stays at {@code q} on drifting series. Outcomes of
 * overlapping windows count as a fraction of one, and alpha stays above a tenth of its nominal
 * value, so that one burst of load does not hold the high levels at their widest for hours.
 *
 * <p>Pure: time comes from the series. Not thread-safe: one tick thread per workload.
 */
public final class PeakCalibrator {

  /** The levels every calibrator tracks, so that any of them can be chosen later. */
  public static final double[] LEVELS = {0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.999};

  /** Scores kept: 12 h of 15 s ticks. */
  static final int SCORE_CAPACITY = 2880;

  /** Matured scores needed before the band is considered calibrated. */
  public static final int MIN_SCORES = 120;

  /** ACI step size per independent outcome: how fast alpha reacts to misses. */
  private static final double GAMMA = 0.005;

  /**
   * The lowest alpha a level adapts to, as a share of its nominal one: after a run of misses the
   * band sizes at most for the quantile ten times rarer than its level, never for "any load at
   * all", which plain ACI asks for once alpha goes below zero and which held the high levels at
   * their widest for hours after each burst.
   */
  private static final double MIN_ALPHA_SHARE = 0.1;

  /** Weight of one matured outcome in the coverage average (about 3 h of 15 s ticks). */
  private static final double COVERAGE_WEIGHT = 1.0 / 720;

  /** The load floor added before taking logs, as a share of the series' typical level. */
  private static final double FLOOR_SHARE = 0.02;

  /**
   * A load below this share of the typical level is no load. Once no load has lasted {@link
   * #IDLE_POINTS} points the series is idle (an outage, or a workload at rest): that says nothing
   * about how the load varies, so it moves neither the typical level nor the volatility, and a
   * prediction of no load made while idle is not scored. Hours of zeros decayed the score scale
   * towards nothing, and the return of the load then scored as a miss thousands of scales wide,
   * holding every high level at several times the load for the next twelve hours. While idle the
   * prediction is the newest load, whatever the forecast path says, and has no band: its bands are
   * the prediction itself.
   */
  static final double NO_LOAD_SHARE = 0.02;

  /**
   * Points of no load before the series counts as idle: as long as the volatility remembers, so
   * that a bursty series' quiet minutes are scored as usual.
   */
  static final int IDLE_POINTS = 40;

  private static final double LEVEL_WEIGHT = 1.0 / 240;

  private static final double VOLATILITY_WEIGHT = 1.0 / 40;

  private final SortedWindow scores = new SortedWindow(SCORE_CAPACITY);
  private final double[] alphas = new double[LEVELS.length];
  private final double[] coverage = new double[LEVELS.length];
  private final Pending pending = new Pending();
  private long lastOrigin = Long.MIN_VALUE;
  private double typicalLevel = Double.NaN;
  private double previous = Double.NaN;
  private double volatility;
  private int idleRun;
  private long matured;

  public PeakCalibrator() {
    for (int l = 0; l < LEVELS.length; l++) {
      alphas[l] = 1 - LEVELS[l];
      coverage[l] = LEVELS[l];
    }
  }

  /**
   * Scores the predictions whose window has passed by the newest point of {@code history}, then
   * predicts the peak over the next {@code leadSteps} steps.
   *
   * @param history the load series, newest point last
   * @param path the point forecast from the newest point: {@code path[j]} is for {@code end + (j +
   *     1) * step}; may be shorter than {@code leadSteps} or empty (then the newest load is the
   *     prediction)
   * @param leadSteps series steps from the newest point to the end of the lead window, at least 1
   */
  public PeakBand update(RegularSeries history, double[] path, int leadSteps) {
    if (leadSteps < 1) {
      throw new IllegalArgumentException("leadSteps must be >= 1, got " + leadSteps);
    }
    long step = history.stepSeconds();
    long end = history.end().getEpochSecond();
    double last = newest(history);
    if (history.size() == 0 || Double.isNaN(last)) {
      return PeakBand.none(last, matured);
    }
    if (lastOrigin == Long.MIN_VALUE && matured == 0) {
      warmUp(history, leadSteps);
    }
    if (end != lastOrigin) {
      observe(last);
      mature(history, end, step);
    }
    double floor = scale();
    double predicted = last;
    // while idle, the path is not believed: a model fitted on the usual day predicts the usual
    // load, and an outage is when the usual day does not happen (a daily model held half the
    // usual capacity through four hours of an outage, and the counterfactual replay then charged
    // the forecast for it for days)
    int believed = idle() ? 0 : Math.min(leadSteps, path.length);
    for (int j = 0; j < believed; j++) {
      if (path[j] > predicted) {
        predicted = path[j];
      }
    }
    // nor has the prediction a band: the scores say how the load varies, and there is none (an
    // outage held a fifth of the usual capacity for hours on its score floor)
    boolean restingPrediction = idle() && noLoad(predicted);
    double[] bands = new double[LEVELS.length];
    for (int l = 0; l < LEVELS.length; l++) {
      bands[l] = restingPrediction ? predicted : band(predicted, floor, 1 - alphas[l]);
      if (l > 0 && bands[l] < bands[l - 1]) {
        // each level's alpha adapts on its own and can cross a neighbour's: a higher level must
        // never size for less
        bands[l] = bands[l - 1];
      }
    }
    if (end != lastOrigin) {
      if (!restingPrediction) {
        pending.add(end, leadSteps, predicted, floor, bands);
      }
      lastOrigin = end;
    }
    return new PeakBand(last, predicted, LEVELS, bands, coverage.clone(), matured);
  }

  /**
   * Scores the history the calibrator starts with (after a restart, a backfill or a policy change)
   * as if the newest load had been the prediction at every past point: a backtest of the naive
   * peak, so that calibration is re-derived at once instead of waiting for outcomes to mature. The
   * model's own path usually does better, so the first bands err on the wide side.
   */
  private void warmUp(RegularSeries history, int leadSteps) {
    float[] v = history.values();
    int n = v.length;
    int first = Math.max(0, n - 1 - leadSteps - SCORE_CAPACITY);
    for (int i = first; i < n - leadSteps; i++) {
      float now = v[i];
      if (Float.isNaN(now)) {
        continue;
      }
      observe(now);
      if (idle()) {
        continue;
      }
      double actual = Double.NaN;
      for (int j = i + 1; j <= i + leadSteps; j++) {
        if (!Float.isNaN(v[j]) && (Double.isNaN(actual) || v[j] > actual)) {
          actual = v[j];
        }
      }
      if (!Double.isNaN(actual)) {
        double floor = scale();
        scores.add((actual - now) / floor);
        matured++;
      }
    }
    // the loop ran the level and volatility up to the newest point; update() goes on from there
    previous = Double.NaN;
  }

  /** Moves the typical level and the step-to-step volatility on by one newest load. */
  private void observe(double load) {
    idleRun = noLoad(load) ? idleRun + 1 : 0;
    if (idle()) {
      return;
    }
    typicalLevel =
        Double.isNaN(typicalLevel) ? load : typicalLevel + (load - typicalLevel) * LEVEL_WEIGHT;
    if (!Double.isNaN(previous)) {
      volatility += (Math.abs(load - previous) - volatility) * VOLATILITY_WEIGHT;
    }
    previous = load;
  }

  private boolean idle() {
    return idleRun > IDLE_POINTS;
  }

  /** True for a load so far below the typical level that it is no load at all. */
  private boolean noLoad(double load) {
    return load < NO_LOAD_SHARE * typicalLevel;
  }

  /** What scores are in units of: the volatility plus a small floor of the typical level. */
  private double scale() {
    return Math.max(1e-9, FLOOR_SHARE * Math.abs(typicalLevel)) + volatility;
  }

  /** Matured scores so far. */
  public long matured() {
    return matured;
  }

  private double band(double predicted, double floor, double level) {
    if (scores.size() == 0) {
      return predicted;
    }
    double score = scores.conformal(Math.max(0, Math.min(1, level)));
    return Math.max(0, predicted + score * floor);
  }

  private void mature(RegularSeries history, long end, long step) {
    while (!pending.isEmpty() && pending.headDue(step) <= end) {
      int head = pending.head;
      long origin = pending.origins[head];
      double actual = peak(history, origin, pending.steps[head], step);
      if (!Double.isNaN(actual)) {
        double floor = pending.floors[head];
        scores.add((actual - pending.predicted[head]) / floor);
        matured++;
        // consecutive windows overlap, so one burst of load is missed by every window that
        // covers it: each outcome counts for 1/leadSteps of an independent one
        double gamma = GAMMA / pending.steps[head];
        for (int l = 0; l < LEVELS.length; l++) {
          double miss = actual > pending.bands[head][l] ? 1 : 0;
          alphas[l] =
              clamp(
                  alphas[l] + gamma * ((1 - LEVELS[l]) - miss),
                  (1 - LEVELS[l]) * MIN_ALPHA_SHARE,
                  1);
          coverage[l] += ((1 - miss) - coverage[l]) * COVERAGE_WEIGHT;
        }
      }
      pending.pop();
    }
  }

  /** Highest non-gap load in {@code (origin, origin + steps * step]}; NaN if none is known. */
  private static double peak(RegularSeries history, long origin, int steps, long step) {
    long start = history.start().getEpochSecond();
    float[] values = history.values();
    double max = Double.NaN;
    for (int j = 1; j <= steps; j++) {
      long offset = origin + j * step - start;
      if (offset < 0 || offset % step != 0) {
        continue;
      }
      long i = offset / step;
      if (i >= values.length) {
        break;
      }
      float v = values[(int) i];
      if (!Float.isNaN(v) && (Double.isNaN(max) || v > max)) {
        max = v;
      }
    }
    return max;
  }

  private static double newest(RegularSeries history) {
    float[] v = history.values();
    return v.length == 0 ? Double.NaN : v[v.length - 1];
  }

  private static double clamp(double v, double low, double high) {
    return Math.max(low, Math.min(high, v));
  }

  /** Predictions waiting for their window to pass, oldest first, in a growable ring. */
  private static final class Pending {
    long[] origins = new long[16];
    int[] steps = new int[16];
    double[] predicted = new double[16];
    double[] floors = new double[16];
    double[][] bands = new double[16][];
    int head;
    int size;

    boolean isEmpty() {
      return size == 0;
    }

    long headDue(long step) {
      return origins[head] + steps[head] * step;
    }

    void add(long origin, int leadSteps, double peak, double floor, double[] levelBands) {
      if (size == origins.length) {
        grow();
      }
      int at = (head + size) % origins.length;
      origins[at] = origin;
      steps[at] = leadSteps;
      predicted[at] = peak;
      floors[at] = floor;
      bands[at] = levelBands;
      size++;
    }

    void pop() {
      bands[head] = null;
      head = (head + 1) % origins.length;
      size--;
    }

    private void grow() {
      int n = origins.length;
      long[] o = new long[n * 2];
      int[] s = new int[n * 2];
      double[] p = new double[n * 2];
      double[] f = new double[n * 2];
      double[][] b = new double[n * 2][];
      for (int i = 0; i < size; i++) {
        int from = (head + i) % n;
        o[i] = origins[from];
        s[i] = steps[from];
        p[i] = predicted[from];
        f[i] = floors[from];
        b[i] = bands[from];
      }
      origins = o;
      steps = s;
      predicted = p;
      floors = f;
      bands = b;
      head = 0;
      Arrays.fill(bands, size, bands.length, null);
    }
  }
}
