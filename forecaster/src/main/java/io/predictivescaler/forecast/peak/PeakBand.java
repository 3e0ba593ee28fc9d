package io.predictivescaler.forecast.peak;

/**
 * The calibrated distribution of the peak load over the lead window, at one tick.
 *
 * @param last the newest load
 * @param predicted the point prediction of the peak: the newest load or the forecast path's highest
 *     point over the lead window, whichever is higher
 * @param levels the quantile levels of {@code bands}, ascending
 * @param bands the peak load at each level (adapted so that its coverage stays at the level)
 * @param coverage the recent empirical coverage of each level's band
 * @param scores matured outcomes the calibration has seen
 */
public record PeakBand(
    double last,
    double predicted,
    double[] levels,
    double[] bands,
    double[] coverage,
    long scores) {

  static PeakBand none(double last, long scores) {
    return new PeakBand(last, last, new double[0], new double[0], new double[0], scores);
  }

  /**
   * The rounding a band may be below a peak and still hold it, as a share of the peak: the window
   * keeps loads as floats (about 6e-8 relative), and a prediction that is exact, a straight ramp
   * carried on over nine steps, can land a few of those below the load it predicted.
   */
  static final double ROUNDING = 1e-6;

  /**
   * Whether a band held a peak: the peak at or below it, or above it by no more than {@link
   * #ROUNDING}, so that a tie is held however the rounding broke it.
   */
  public static boolean holds(double peak, double band) {
    return peak <= band + ROUNDING * Math.abs(peak);
  }

  /** True when enough outcomes have matured for the bands to mean what their levels say. */
  public boolean calibrated() {
    return bands.length > 0 && scores >= PeakCalibrator.MIN_SCORES;
  }

  /**
   * The band at {@code level}: a tracked level's own band, or linear in the level between the two
   * tracked levels around it (the nearest one outside them); the prediction when there is none.
   */
  public double at(double level) {
    return bands.length == 0 ? predicted : interpolate(levels, bands, level);
  }

  /** Recent coverage at {@code level}, interpolated as {@link #at}; NaN if none. */
  public double coverageAt(double level) {
    return coverage.length == 0 ? Double.NaN : interpolate(levels, coverage, level);
  }

  /**
   * {@code values} (one per ascending level) at {@code level}: linear between the two levels around
   * it, the end value outside them.
   */
  static double interpolate(double[] levels, double[] values, double level) {
    int n = levels.length;
    if (level <= levels[0]) {
      return values[0];
    }
    for (int l = 1; l < n; l++) {
      if (level <= levels[l]) {
        double w = (level - levels[l - 1]) / (levels[l] - levels[l - 1]);
        return values[l - 1] + w * (values[l] - values[l - 1]);
      }
    }
    return values[n - 1];
  }
}
