package io.predictivescaler.forecast.eval;

/**
 * Accuracy and cost of one model's horizon forecast over a rolling-origin evaluation.
 *
 * @param mae mean absolute error
 * @param rmse root mean squared error
 * @param smape symmetric MAPE in percent (0..200), points where actual and forecast are both 0
 *     count as 0
 * @param mase MAE over that of seasonal naive (one season) on the same points
 * @param underShare share of points where the actual exceeded the point forecast
 * @param bandCoverage share of points at or below the upper band
 * @param trustedShare share of forecasts marked trusted
 * @param fitMillisMedian median wall time of a refit
 * @param predictMicrosMedian median wall time of a forecast call
 * @param points scored points
 * @param refits number of refits
 */
public record ModelScore(
    double mae,
    double rmse,
    double smape,
    double mase,
    double underShare,
    double bandCoverage,
    double trustedShare,
    double fitMillisMedian,
    double predictMicrosMedian,
    int points,
    int refits) {}
