package io.predictivescaler.forecast.eval;

import java.util.Arrays;

/** Accumulates forecast errors and timings of one model; not thread-safe. */
final class ErrorAccumulator {
  private double absSum;
  private double sqSum;
  private double smapeSum;
  private double seasonalAbsSum;
  private int seasonalPoints;
  private double absOnSeasonalPoints;
  private int under;
  private int covered;
  private int trusted;
  private int points;
  private int forecasts;
  private double[] fitMillis = new double[64];
  private int fits;
  private double[] predictMicros = new double[1024];
  private int predicts;

  void add(double actual, double point, double upper, double seasonal, boolean isTrusted) {
    double e = actual - point;
    absSum += Math.abs(e);
    sqSum += e * e;
    double denom = Math.abs(actual) + Math.abs(point);
    smapeSum += denom == 0 ? 0 : 200 * Math.abs(e) / denom;
    if (!Double.isNaN(seasonal)) {
      seasonalAbsSum += Math.abs(actual - seasonal);
      absOnSeasonalPoints += Math.abs(e);
      seasonalPoints++;
    }
    under += actual > point ? 1 : 0;
    covered += actual <= upper ? 1 : 0;
    trusted += isTrusted ? 1 : 0;
    points++;
  }

  void forecastMade() {
    forecasts++;
  }

  void fitTook(double millis) {
    if (fits == fitMillis.length) {
      fitMillis = Arrays.copyOf(fitMillis, fits * 2);
    }
    fitMillis[fits++] = millis;
  }

  void predictTook(double micros) {
    if (predicts == predictMicros.length) {
      predictMicros = Arrays.copyOf(predictMicros, predicts * 2);
    }
    predictMicros[predicts++] = micros;
  }

  ModelScore score() {
    double mae = absSum / points;
    double snMae = seasonalAbsSum / seasonalPoints;
    return new ModelScore(
        mae,
        Math.sqrt(sqSum / points),
        smapeSum / points,
        seasonalPoints == 0 || snMae == 0
            ? Double.NaN
            : (absOnSeasonalPoints / seasonalPoints) / snMae,
        under / (double) points,
        covered / (double) points,
        trusted / (double) points,
        median(fitMillis, fits),
        median(predictMicros, predicts),
        points,
        fits);
  }

  private static double median(double[] values, int n) {
    if (n == 0) {
      return Double.NaN;
    }
    double[] sorted = Arrays.copyOf(values, n);
    Arrays.sort(sorted);
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
