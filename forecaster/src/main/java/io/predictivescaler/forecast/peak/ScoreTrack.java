package io.predictivescaler.forecast.peak;

/**
 * One peak predictor's calibration: its conformal scores and, per level, the adaptive alpha and the
 * recent coverage (adaptive conformal inference, see {@link PeakCalibrator}). Not thread-safe.
 */
final class ScoreTrack {

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

  private final double[] levels;
  private final SortedWindow scores;
  private final double[] alphas;
  private final double[] coverage;

  ScoreTrack(double[] levels, int capacity) {
    this.levels = levels.clone();
    this.scores = new SortedWindow(capacity);
    this.alphas = new double[levels.length];
    this.coverage = new double[levels.length];
    for (int l = 0; l < levels.length; l++) {
      alphas[l] = 1 - levels[l];
      coverage[l] = levels[l];
    }
  }

  void addScore(double score) {
    scores.add(score);
  }

  boolean hasScores() {
    return scores.size() > 0;
  }

  /**
   * The band at every level around {@code predicted}: the score quantile at {@code 1 - alpha} in
   * units of {@code floor}; a higher level never sizes for less.
   */
  double[] bands(double predicted, double floor) {
    double[] bands = new double[levels.length];
    for (int l = 0; l < levels.length; l++) {
      bands[l] = band(predicted, floor, 1 - alphas[l]);
      if (l > 0 && bands[l] < bands[l - 1]) {
        // each level's alpha adapts on its own and can cross a neighbour's
        bands[l] = bands[l - 1];
      }
    }
    return bands;
  }

  /**
   * Scores one matured prediction and moves each level's alpha and coverage by whether its band
   * held the actual peak.
   *
   * @param steps the prediction's lead window in series steps: consecutive windows overlap, so one
   *     burst of load is missed by every window that covers it, and each outcome counts for {@code
   *     1/steps} of an independent one
   */
  void mature(double actual, double predicted, double floor, double[] bands, int steps) {
    scores.add((actual - predicted) / floor);
    double gamma = GAMMA / steps;
    for (int l = 0; l < levels.length; l++) {
      double miss = PeakBand.holds(actual, bands[l]) ? 0 : 1;
      alphas[l] =
          clamp(alphas[l] + gamma * ((1 - levels[l]) - miss), (1 - levels[l]) * MIN_ALPHA_SHARE, 1);
      coverage[l] += ((1 - miss) - coverage[l]) * COVERAGE_WEIGHT;
    }
  }

  /** Each level's recent coverage: a copy. */
  double[] coverage() {
    return coverage.clone();
  }

  private double band(double predicted, double floor, double level) {
    if (scores.size() == 0) {
      return predicted;
    }
    double score = scores.conformal(Math.max(0, Math.min(1, level)));
    return Math.max(0, predicted + score * floor);
  }

  private static double clamp(double v, double low, double high) {
    return Math.max(low, Math.min(high, v));
  }
}
