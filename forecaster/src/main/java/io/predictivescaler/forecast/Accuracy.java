package io.predictivescaler.forecast;

/**
 * Online accuracy of the horizon forecast over the recent period, against what then happened, with
 * the baselines scored on the same points. A MAE is NaN when it has no samples.
 *
 * @param mae MAE of the point forecast at the horizon
 * @param lastValueMae MAE of the last value seen at the forecast origin
 * @param seasonalNaiveMae MAE of the value one season before the target time
 * @param movingMeanMae MAE of the mean of the hour before the origin (the no-skill reference)
 * @param underShare share of points where the actual exceeded the point forecast
 * @param bandCoverage share of points where the actual stayed at or below the upper band
 * @param samples number of scored points
 */
public record Accuracy(
    double mae,
    double lastValueMae,
    double seasonalNaiveMae,
    double movingMeanMae,
    double underShare,
    double bandCoverage,
    int samples) {

  public static final Accuracy NONE =
      new Accuracy(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);

  /** The lowest baseline MAE that has samples, or NaN. */
  public double bestBaselineMae() {
    return bestBaselineMae(null);
  }

  /**
   * The lowest baseline MAE that has samples, leaving out the baseline that {@code model} names (a
   * model is not judged against itself); NaN if none.
   */
  public double bestBaselineMae(ModelKind model) {
    double best = Double.NaN;
    double[] maes = {
      model == ModelKind.LAST_VALUE ? Double.NaN : lastValueMae,
      model == ModelKind.SEASONAL_NAIVE ? Double.NaN : seasonalNaiveMae,
      movingMeanMae
    };
    for (double m : maes) {
      if (!Double.isNaN(m) && (Double.isNaN(best) || m < best)) {
        best = m;
      }
    }
    return best;
  }
}
