package io.predictivescaler.forecast.baseline;

import io.predictivescaler.forecast.FittedModel;
import io.predictivescaler.forecast.Forecaster;
import io.predictivescaler.forecast.ModelContext;
import io.predictivescaler.forecast.ModelKind;
import io.predictivescaler.forecast.feature.CoarseView;

/**
 * Holt's linear trend method (additive trend, no season). Smoothing parameters are chosen by grid
 * search for the lowest squared error of the forecast at the horizon. Between fits, predict rolls
 * the level and trend forward over the buckets that arrived since the fit.
 */
public final class HoltForecaster implements Forecaster {
  private static final double[] ALPHAS = {0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1.0};
  private static final double[] BETAS = {0, 0.01, 0.05, 0.1, 0.2};
  private static final int MAX_FIT_POINTS = 2880;

  @Override
  public ModelKind kind() {
    return ModelKind.HOLT;
  }

  @Override
  public int minHistory(ModelContext context) {
    return Math.max(8, 2 * context.horizonSteps() + 2);
  }

  @Override
  public FittedModel fit(CoarseView history, ModelContext context) {
    double[] y = history.toArray();
    int from = Math.max(0, y.length - MAX_FIT_POINTS);
    int h = context.horizonSteps();
    double bestSse = Double.POSITIVE_INFINITY;
    double bestAlpha = 0.5;
    double bestBeta = 0;
    for (double alpha : ALPHAS) {
      for (double beta : BETAS) {
        double sse = sse(y, from, alpha, beta, h);
        if (sse < bestSse) {
          bestSse = sse;
          bestAlpha = alpha;
          bestBeta = beta;
        }
      }
    }
    double[] state = run(y, from, bestAlpha, bestBeta);
    return new Model(
        bestAlpha, bestBeta, state[0], state[1], history.endEpochSecond(), context.gridSeconds());
  }

  /** Sum of squared errors of the h-step-ahead forecast over the data. */
  static double sse(double[] y, int from, double alpha, double beta, int h) {
    double level = y[from];
    double trend = 0;
    double sse = 0;
    for (int t = from + 1; t < y.length; t++) {
      double prev = level;
      level = alpha * y[t] + (1 - alpha) * (level + trend);
      trend = beta * (level - prev) + (1 - beta) * trend;
      if (t + h < y.length) {
        double e = y[t + h] - (level + h * trend);
        sse += e * e;
      }
    }
    return sse;
  }

  static double[] run(double[] y, int from, double alpha, double beta) {
    double level = y[from];
    double trend = 0;
    for (int t = from + 1; t < y.length; t++) {
      double prev = level;
      level = alpha * y[t] + (1 - alpha) * (level + trend);
      trend = beta * (level - prev) + (1 - beta) * trend;
    }
    return new double[] {level, trend};
  }

  /** The fitted state at {@code fitEnd}; immutable. */
  record Model(double alpha, double beta, double level, double trend, long fitEnd, long gridSeconds)
      implements FittedModel {

    @Override
    public String name() {
      return ModelKind.HOLT.configName();
    }

    @Override
    public void predict(CoarseView recent, double[] out) {
      long since = Math.floorDiv(recent.endEpochSecond() - fitEnd, gridSeconds);
      int m = (int) Math.max(0, Math.min(since, recent.length()));
      double l = level;
      double b = trend;
      for (int k = m - 1; k >= 0; k--) {
        double y = recent.filled(k);
        double prev = l;
        l = alpha * y + (1 - alpha) * (l + b);
        b = beta * (l - prev) + (1 - beta) * b;
      }
      for (int h = 1; h <= out.length; h++) {
        out[h - 1] = l + h * b;
      }
    }
  }
}
