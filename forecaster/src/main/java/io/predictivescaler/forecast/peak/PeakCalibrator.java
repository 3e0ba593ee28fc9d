package io.predictivescaler.forecast.peak;

import io.predictivescaler.forecast.RegularSeries;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The calibrated distribution of the peak load over the lead window, learned online for one series.
 *
 * <p>Each tick it predicts the peak over the next {@code leadSteps} series steps as the larger of
 * the newest load and the highest point of the forecast path over those steps; a second predictor
 * also carries a rising load on over the window at its newest steps' rate. Each is calibrated on
 * its own, and the one whose bands have recently been the lower (both at the same coverage) gives
 * the band: on a smooth series the newest steps say where a ramp is going before the model's path,
 * fitted on coarser means, does; on a noisy one they are noise, and the path stays. Where the
 * windows from the same time on each of the last two days held a peak the scores did not expect at
 * their top level (or brought back a rise expected from the days before), both predictions are
 * raised to the newest load plus yesterday's rise over that window: a burst at the same minute
 * every day (a batch job) is expected a lead window ahead from its third day, while a spike that
 * does not come back at the same time the next day is never expected. Once that window has passed,
 * the actual peak less the prediction, in units of the load's recent step-to-step volatility (plus
 * a small floor of its level), becomes a conformal score. The band at level {@code q} is the
 * prediction plus the score quantile at {@code 1 - alpha} in those units, where {@code alpha}
 * adapts per level as in adaptive conformal inference (Gibbs and Candès, 2021): after a miss it
 * shrinks, after a hit it grows, so that the band's long-run coverage stays at {@code q} on
 * drifting series. Outcomes of overlapping windows count as a fraction of one, and alpha stays
 * above a tenth of its nominal value, so that one burst of load does not hold the high levels at
 * their widest for hours.
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

  /** The load floor added before taking logs, as a share of the series' typical level. */
  private static final double FLOOR_SHARE = 0.02;

  /**
   * A load below this share of the typical level is no load. Once no load has lasted {@link
   * #IDLE_POINTS} points the series is idle (an outage, or a workload at rest): that says nothing
   * about how the load varies, so it moves neither the typical level nor the volatility, and a
   * prediction of no load made while idle is not scored with the others. Hours of zeros decayed the
   * score scale towards nothing, and the return of the load then scored as a miss thousands of
   * scales wide, holding every high level at several times the load for the next twelve hours.
   * While idle the prediction is the newest load, whatever the forecast path says, and its band
   * says how far the load moves while it stays no load: it is calibrated on the idle predictions'
   * own outcomes, in units of the idle load's own step-to-step volatility, and never goes above
   * this share of the typical level.
   */
  static final double NO_LOAD_SHARE = 0.02;

  /**
   * Points of no load before the series counts as idle: as long as the volatility remembers, so
   * that a bursty series' quiet minutes are scored as usual.
   */
  static final int IDLE_POINTS = 40;

  /** The floor of the idle band's score unit, as a share of the no-load line. */
  private static final double RESTING_FLOOR_SHARE = 1e-3;

  /** Scores kept for the idle band: an hour of 15 s ticks. */
  static final int RESTING_CAPACITY = 240;

  private static final long DAY_SECONDS = 86_400;

  /** Days the rises over a lead window are remembered for the band's ceiling. */
  public static final int RISE_MEMORY_DAYS = RiseMemory.HOURS / 24;

  /** The highest level: a peak above its band is one the scores did not expect. */
  private static final int TOP = LEVELS.length - 1;

  private static final double LEVEL_WEIGHT = 1.0 / 240;

  private static final double VOLATILITY_WEIGHT = 1.0 / 40;

  /**
   * Weight of one tick in the running comparison of the two predictors' bands (about 3 h of 15 s
   * ticks): long enough that a burst does not swap them, short enough to follow a series that turns
   * smooth or noisy.
   */
  private static final double CHOICE_WEIGHT = 1.0 / 720;

  private final ScoreTrack pathTrack = new ScoreTrack(LEVELS, SCORE_CAPACITY);
  private final ScoreTrack risingTrack = new ScoreTrack(LEVELS, SCORE_CAPACITY);
  private final ScoreTrack restingTrack = new ScoreTrack(LEVELS, RESTING_CAPACITY);
  private final ArrayDeque<Prediction> pending = new ArrayDeque<>();
  private final RiseMemory rises = new RiseMemory();

  /**
   * Running mean of (rising's band - path's band) / scale over the levels: below 0, rising wins.
   */
  private double risingAdvantage;

  private long lastOrigin = Long.MIN_VALUE;
  private double typicalLevel = Double.NaN;
  private double previous = Double.NaN;
  private double volatility;
  private double restingVolatility;
  private double restingPrevious = Double.NaN;
  private int idleRun;
  private long matured;

  /**
   * Per step of the day, whether the peak of the window from there was above what the scores alone
   * expected at the top level (yesterday's rise not counted): the last day's surprises. Null until
   * the step is known, and where it does not divide a day.
   */
  private BitSet surprises;

  /** The same for the day before the last. */
  private BitSet dayBefore;

  /** Yesterday's rise the newest prediction was raised by; 0 when it was not. */
  private double raisedBy;

  /** The newest bands before the ceiling; null before the first. */
  private double[] uncappedBands;

  /** The newest band's ceiling; NaN when it had none. */
  private double ceiling = Double.NaN;

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
    double onPath = last;
    // while idle, the path is not believed: a model fitted on the usual day predicts the usual
    // load, and an outage is when the usual day does not happen (a daily model held half the
    // usual capacity through four hours of an outage, and the counterfactual replay then charged
    // the forecast for it for days)
    int believed = idle() ? 0 : Math.min(leadSteps, path.length);
    for (int j = 0; j < believed; j++) {
      if (path[j] > onPath) {
        onPath = path[j];
      }
    }
    double onRise =
        idle()
            ? onPath
            : Math.max(onPath, extrapolated(history.values(), history.size() - 1, leadSteps));
    // nor has the prediction a band: the scores say how the load varies, and there is none (an
    // outage held a fifth of the usual capacity for hours on its score floor)
    boolean restingPrediction = idle() && noLoad(onPath);
    double unit = restingPrediction ? restingScale() : floor;
    double[] pathBands = restingPrediction ? resting(onPath, unit) : pathTrack.bands(onPath, floor);
    // while idle nothing is carried on: onRise is onPath
    double[] risingBands = restingPrediction ? pathBands : risingTrack.bands(onRise, floor);
    // the top band of the predictor in use: what the scores alone expected at most
    double expectedTop = risingWins() ? risingBands[TOP] : pathBands[TOP];
    double yesterday = 0;
    raisedBy = 0;
    if (!idle() && surprisedTwoDaysRunning(end, step)) {
      yesterday = yesterdaysRise(history.values(), history.size() - 1, leadSteps, step);
      double recurring = last + yesterday;
      if (recurring > (risingWins() ? onRise : onPath)) {
        raisedBy = yesterday;
      }
      if (recurring > onPath) {
        onPath = recurring;
        pathBands = pathTrack.bands(onPath, floor);
      }
      if (recurring > onRise) {
        onRise = recurring;
        risingBands = risingTrack.bands(onRise, floor);
      }
    }
    if (end != lastOrigin) {
      pending.addLast(
          new Prediction(
              end,
              leadSteps,
              unit,
              onPath,
              onRise,
              pathBands,
              risingBands,
              last,
              expectedTop,
              yesterday,
              restingPrediction));
      if (!restingPrediction) {
        compare(pathBands, risingBands, floor);
      }
      lastOrigin = end;
    }
    boolean rise = risingWins();
    double predicted = rise ? onRise : onPath;
    double[] bands = rise ? risingBands : pathBands;
    uncappedBands = bands;
    // the scores are in units of the volatility when each prediction was made: a spike from a
    // quiet load scores hundreds of them, and the next spike's ramp multiplies that by its own
    // volatility; no band asks for more than the load has been seen to rise
    double reach = rises.reach();
    ceiling = Double.isNaN(reach) ? Double.NaN : Math.max(predicted, last + reach);
    if (!Double.isNaN(ceiling)) {
      // the calibration keeps the bands before the ceiling (they are stored in the pending
      // prediction): a ceiling that binds is not a miss to widen them for
      bands = bands.clone();
      for (int l = 0; l < bands.length; l++) {
        bands[l] = Math.min(bands[l], ceiling);
      }
    }
    return new PeakBand(
        last,
        predicted,
        LEVELS,
        bands,
        rise ? risingTrack.coverage() : pathTrack.coverage(),
        matured);
  }

  /**
   * How far the load rose above its level at this time yesterday over the lead window that
   * followed: the highest of the {@code leadSteps} points after the point one day before {@code
   * newest}, less that point; 0 where it fell, and where a day ago is not in {@code values} or the
   * step does not divide a day.
   */
  static double yesterdaysRise(float[] values, int newest, int leadSteps, long stepSeconds) {
    if (DAY_SECONDS % stepSeconds != 0) {
      return 0;
    }
    int origin = newest - (int) (DAY_SECONDS / stepSeconds);
    if (origin < 0 || Float.isNaN(values[origin])) {
      return 0;
    }
    double peak = values[origin];
    for (int j = origin + 1; j <= Math.min(newest, origin + leadSteps); j++) {
      if (values[j] > peak) {
        peak = values[j];
      }
    }
    return peak - values[origin];
  }

  /**
   * Whether the windows from the same time of day one and two days before {@code origin} were both
   * surprises: one surprise is a spike, the same surprise on two days running is a rise that
   * recurs. (With one day, the spikes of a spiky series were expected again the next day at every
   * other minute, and the counterfactual choice, charged for that capacity, ran the plain HPA.)
   */
  private boolean surprisedTwoDaysRunning(long origin, long step) {
    int slot = slot(origin, step);
    return surprises != null && surprises.get(slot) && dayBefore.get(slot);
  }

  private void remember(long origin, long step, boolean surprise) {
    if (DAY_SECONDS % step != 0) {
      return;
    }
    if (surprises == null) {
      surprises = new BitSet((int) (DAY_SECONDS / step));
      dayBefore = new BitSet((int) (DAY_SECONDS / step));
    }
    int slot = slot(origin, step);
    dayBefore.set(slot, surprises.get(slot));
    surprises.set(slot, surprise);
  }

  private static int slot(long origin, long step) {
    return (int) Math.floorMod(origin / step, DAY_SECONDS / step);
  }

  /**
   * Yesterday's rise over the lead window that the newest prediction was raised to (the newest load
   * plus it), because the same window on each of the last two days held a peak the scores did not
   * expect; 0 when the prediction was not raised.
   */
  public double raisedByYesterday() {
    return raisedBy;
  }

  /**
   * The ceiling that bounded the newest band at {@code level}: the newest load plus how far the
   * load may rise over a lead window by the rises of the last {@value #RISE_MEMORY_DAYS} days
   * ({@link RiseMemory#reach}), never below the prediction; NaN where the band at that level was
   * below it.
   */
  public double cappedAt(double level) {
    if (Double.isNaN(ceiling) || uncappedBands == null) {
      return Double.NaN;
    }
    return PeakBand.interpolate(LEVELS, uncappedBands, level) > ceiling ? ceiling : Double.NaN;
  }

  /** True when the rising predictor's bands have recently been the lower. */
  public boolean risingWins() {
    return risingAdvantage < 0;
  }

  /**
   * The load at {@code newest} carried on over the lead window at its newest step's rate, when both
   * of its two newest steps rose: the peak of a ramp that goes on as it has just gone. A single
   * step is not a ramp: a jump to a new level (or the load coming back after an outage) carried on
   * would size for many times the jump. That load itself otherwise.
   */
  static double extrapolated(float[] values, int newest, int leadSteps) {
    double load = values[newest];
    if (newest < 2) {
      return load;
    }
    double rise = load - values[newest - 1];
    double before = (double) values[newest - 1] - values[newest - 2];
    // a gap (NaN) compares false
    return rise > 0 && before > 0 ? load + rise * leadSteps : load;
  }

  private void compare(double[] pathBands, double[] risingBands, double floor) {
    if (!pathTrack.hasScores() || !risingTrack.hasScores()) {
      return;
    }
    double sum = 0;
    for (int l = 0; l < LEVELS.length; l++) {
      sum += risingBands[l] - pathBands[l];
    }
    double difference = sum / LEVELS.length / floor;
    risingAdvantage += (difference - risingAdvantage) * CHOICE_WEIGHT;
  }

  /**
   * The band of a prediction of no load while idle: the idle outcomes' score quantiles in units of
   * {@code scale}, never above the no-load line (the load coming back is what no idle band sizes
   * for: an outage held a fifth of the usual capacity for hours on its score floor) nor below the
   * prediction. Without such outcomes yet, the line itself: the load stays no load.
   */
  private double[] resting(double predicted, double scale) {
    double noLoadLine = noLoadLine();
    if (!restingTrack.hasScores()) {
      double[] bands = new double[LEVELS.length];
      Arrays.fill(bands, Math.max(predicted, noLoadLine));
      return bands;
    }
    double[] bands = restingTrack.bands(predicted, scale);
    for (int l = 0; l < bands.length; l++) {
      bands[l] = Math.max(predicted, Math.min(bands[l], noLoadLine));
    }
    return bands;
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
        rises.record(history.start().getEpochSecond() + i * history.stepSeconds(), actual - now);
        double floor = scale();
        pathTrack.addScore((actual - now) / floor);
        double onRise = extrapolated(v, i, leadSteps);
        risingTrack.addScore((actual - Math.max(now, onRise)) / floor);
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
      if (!Double.isNaN(restingPrevious)) {
        restingVolatility +=
            (Math.abs(load - restingPrevious) - restingVolatility) * VOLATILITY_WEIGHT;
      }
      restingPrevious = load;
      return;
    }
    restingPrevious = Double.NaN;
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
    return load < noLoadLine();
  }

  private double noLoadLine() {
    return NO_LOAD_SHARE * typicalLevel;
  }

  /**
   * What an idle prediction's scores are in units of: the idle load's step-to-step volatility plus
   * a thousandth of the no-load line. The line itself was too coarse a unit where the typical level
   * is set by bursts: a network counter flickering between 42 and 112 under a line of 15,000 scored
   * below the scores' resolution, and its band stayed at the newest reading.
   */
  private double restingScale() {
    return Math.max(1e-9, RESTING_FLOOR_SHARE * noLoadLine()) + restingVolatility;
  }

  /** What scores are in units of: the volatility plus a small floor of the typical level. */
  private double scale() {
    return Math.max(1e-9, FLOOR_SHARE * Math.abs(typicalLevel)) + volatility;
  }

  /** Matured scores so far. */
  public long matured() {
    return matured;
  }

  private void mature(RegularSeries history, long end, long step) {
    while (!pending.isEmpty() && pending.peekFirst().due(step) <= end) {
      Prediction p = pending.pollFirst();
      double actual = peak(history, p.origin(), p.steps(), step);
      if (Double.isNaN(actual)) {
        continue;
      }
      rises.record(p.origin(), actual - p.last());
      if (p.resting()) {
        restingTrack.mature(actual, p.onPath(), p.floor(), p.pathBands(), p.steps());
      } else {
        pathTrack.mature(actual, p.onPath(), p.floor(), p.pathBands(), p.steps());
        remember(p.origin(), step, p.surprisedBy(actual));
        risingTrack.mature(actual, p.onRise(), p.floor(), p.risingBands(), p.steps());
        matured++;
      }
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

  /**
   * A prediction waiting for its window ({@code steps} series steps from {@code origin}) to pass:
   * both predictors' peaks and bands, and the score unit it was made with; {@code resting} for a
   * prediction of no load while idle, scored on its own.
   */
  private record Prediction(
      long origin,
      int steps,
      double floor,
      double onPath,
      double onRise,
      double[] pathBands,
      double[] risingBands,
      double last,
      double expectedTop,
      double rise,
      boolean resting) {

    long due(long step) {
      return origin + steps * step;
    }

    /**
     * Whether {@code actual} was a peak the scores alone did not expect at the top level, or one
     * that brought back at least half of the rise it was expected to bring back: a rise that recurs
     * every day is then expected every day, not every other day once its misses are in the scores.
     */
    boolean surprisedBy(double actual) {
      return actual > expectedTop || (rise > 0 && actual - last >= rise / 2);
    }
  }
}
