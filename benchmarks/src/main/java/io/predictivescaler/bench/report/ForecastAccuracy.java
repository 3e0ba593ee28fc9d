package io.predictivescaler.bench.report;

import io.predictivescaler.bench.sim.SimulationResult;

/**
 * Accuracy of the forecasts a strategy acted on, against the actual load at each forecast's target.
 *
 * @param model the model named most often
 * @param points targets with both a forecast and a load one day earlier
 * @param mase mean absolute error over that of seasonal naive (the load one day before the target)
 *     on the same points; {@code NaN} when undefined
 * @param smape symmetric mean absolute percentage error in percent (0-200), {@code NaN} when
 *     undefined
 */
record ForecastAccuracy(String model, int points, double mase, double smape) {

  private static final long DAY_SECONDS = 86_400;

  static ForecastAccuracy of(SimulationResult run) {
    double[] forecast = run.forecastPoint();
    double[] load = run.scenario().load();
    int season = (int) Math.round((double) DAY_SECONDS / run.scenario().stepSeconds());
    double error = 0;
    double naiveError = 0;
    double smape = 0;
    int points = 0;
    for (int t = season; t < load.length; t++) {
      if (Double.isNaN(forecast[t])) {
        continue;
      }
      double actual = load[t];
      double absolute = Math.abs(forecast[t] - actual);
      error += absolute;
      naiveError += Math.abs(load[t - season] - actual);
      double denominator = Math.abs(forecast[t]) + Math.abs(actual);
      smape += denominator == 0 ? 0 : 200 * absolute / denominator;
      points++;
    }
    if (points == 0) {
      return new ForecastAccuracy(run.forecastModel(), 0, Double.NaN, Double.NaN);
    }
    return new ForecastAccuracy(
        run.forecastModel(),
        points,
        naiveError > 0 ? error / naiveError : Double.NaN,
        smape / points);
  }
}
