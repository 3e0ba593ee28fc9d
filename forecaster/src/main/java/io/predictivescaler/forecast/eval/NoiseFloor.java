package io.predictivescaler.forecast.eval;

/**
 * A reference for reading forecast errors, not a forecaster: the error of estimating each scored
 * point from its neighbours on both sides, the mean of the {@code halfWidth} points before it and
 * the {@code halfWidth} after it, at the half-width (1 to {@link #MAX_HALF_WIDTH}) that does best.
 * It sees the future, so a forecast made a horizon ahead that comes near it has little left to
 * gain; one that beats it finds structure the neighbours miss (a pattern at the step, say).
 *
 * @param mae mean absolute error over the scored points
 * @param halfWidth the neighbours taken on each side
 * @param points the points scored: those with at least one known neighbour on each side
 */
public record NoiseFloor(double mae, int halfWidth, int points) {

  /** The widest neighbourhood tried on each side. */
  public static final int MAX_HALF_WIDTH = 3;

  /**
   * The floor over the points {@code first}, {@code first + stride}, ... up to {@code last}
   * (inclusive) of {@code values}; gaps (NaN) are neither scored nor used as neighbours.
   */
  public static NoiseFloor of(float[] values, int first, int last, int stride) {
    if (stride < 1) {
      throw new IllegalArgumentException("stride: must be >= 1, got " + stride);
    }
    if (first < 0 || last >= values.length) {
      throw new IllegalArgumentException(
          "points "
              + first
              + ".."
              + last
              + " are outside the series' "
              + values.length
              + " values");
    }
    NoiseFloor best = new NoiseFloor(Double.NaN, 0, 0);
    for (int w = 1; w <= MAX_HALF_WIDTH; w++) {
      double sum = 0;
      int n = 0;
      for (int p = first; p <= last; p += stride) {
        double estimate = neighbourMean(values, p, w);
        if (!Float.isNaN(values[p]) && !Double.isNaN(estimate)) {
          sum += Math.abs(values[p] - estimate);
          n++;
        }
      }
      if (n > 0 && (Double.isNaN(best.mae()) || sum / n < best.mae())) {
        best = new NoiseFloor(sum / n, w, n);
      }
    }
    return best;
  }

  /** Mean of the known values within {@code w} of {@code p}, NaN unless both sides have one. */
  private static double neighbourMean(float[] values, int p, int w) {
    double sum = 0;
    int before = 0;
    int after = 0;
    for (int d = 1; d <= w; d++) {
      if (p - d >= 0 && !Float.isNaN(values[p - d])) {
        sum += values[p - d];
        before++;
      }
      if (p + d < values.length && !Float.isNaN(values[p + d])) {
        sum += values[p + d];
        after++;
      }
    }
    return before == 0 || after == 0 ? Double.NaN : sum / (before + after);
  }
}
