package io.predictivescaler.forecast.baseline;

import io.predictivescaler.forecast.FittedModel;
import io.predictivescaler.forecast.Forecaster;
import io.predictivescaler.forecast.ModelContext;
import io.predictivescaler.forecast.ModelKind;
import io.predictivescaler.forecast.feature.CoarseView;

/**
 * Additive Holt-Winters in the component form of Hyndman &amp; Athanasopoulos, <i>Forecasting:
 * Principles and Practice</i> (2nd ed., section 7.3):
 *
 * <pre>
 *   l[t] = alpha (y[t] - s[t-m]) + (1 - alpha)(l[t-1] + b[t-1])
 *   b[t] = beta (l[t] - l[t-1]) + (1 - beta) b[t-1]
 *   s[t] = gamma (y[t] - l[t-1] - b[t-1]) + (1 - gamma) s[t-m]
 *   yhat[t+h] = l[t] + h b[t] + s[t+h-m]
 * </pre>
 *
 * Needs two seasons: the first two initialise level, trend and seasonal indices (classical
 * decomposition by season means). Parameters come from a grid search minimising the squared error
 * of the forecast at the horizon. Seasonal indices are stored by phase of the absolute time, so a
 * prediction made between fits rolls level and trend forward over the new buckets with the fitted
 * indices.
 */
public final class HoltWintersForecaster implements Forecaster {
  private static final double[] ALPHAS = {0.05, 0.1, 0.2, 0.35, 0.5, 0.7, 0.9};
  private static final double[] BETAS = {0, 0.01, 0.05};
  private static final double[] GAMMAS = {0.02, 0.05, 0.1, 0.2, 0.4};

  @Override
  public ModelKind kind() {
    return ModelKind.HOLT_WINTERS;
  }

  @Override
  public int minHistory(ModelContext context) {
    return 2 * context.seasonSteps() + context.horizonSteps();
  }

  @Override
  public FittedModel fit(CoarseView history, ModelContext context) {
    double[] y = history.toArray();
    int m = context.seasonSteps();
    if (y.length < 2 * m) {
      throw new IllegalArgumentException(
          "history: Holt-Winters needs two seasons (" + 2 * m + " points), got " + y.length);
    }
    double[] init = initialState(y, m);
    int h = context.horizonSteps();
    double[] season = new double[m];
    double bestSse = Double.POSITIVE_INFINITY;
    double[] best = {0.2, 0, 0.1};
    for (double alpha : ALPHAS) {
      for (double beta : BETAS) {
        for (double gamma : GAMMAS) {
          double sse = run(y, m, alpha, beta, gamma, init, season, h);
          if (sse < bestSse) {
            bestSse = sse;
            best = new double[] {alpha, beta, gamma};
          }
        }
      }
    }
    double[] state = new double[2];
    runState(y, m, best[0], best[1], best[2], init, season, state);
    long grid = context.gridSeconds();
    long end = history.endEpochSecond();
    double[] byPhase = new double[m];
    for (int j = 0; j < m; j++) {
      // season[j] belongs to the bucket at index j (mod m) of y, whose end time is known.
      long t = end - (long) (y.length - 1 - j) * grid;
      byPhase[phase(t, grid, m)] = season[j];
    }
    return new Model(best[0], best[1], state[0], state[1], byPhase, end, grid);
  }

  /** [l0, b0, s0..s(m-1)] from the first two seasons. */
  static double[] initialState(double[] y, int m) {
    double mean1 = 0;
    double mean2 = 0;
    for (int i = 0; i < m; i++) {
      mean1 += y[i] / m;
      mean2 += y[m + i] / m;
    }
    double[] init = new double[m + 2];
    init[1] = (mean2 - mean1) / m;
    init[0] = mean1 - init[1] * (m - 1) / 2.0;
    for (int i = 0; i < m; i++) {
      init[2 + i] = ((y[i] - mean1) + (y[m + i] - mean2)) / 2;
    }
    return init;
  }

  /** Runs the recursion from the initial state; returns the SSE of the h-step forecasts. */
  static double run(
      double[] y,
      int m,
      double alpha,
      double beta,
      double gamma,
      double[] init,
      double[] season,
      int h) {
    double[] state = new double[2];
    return runWithSse(y, m, alpha, beta, gamma, init, season, state, h);
  }

  static void runState(
      double[] y,
      int m,
      double alpha,
      double beta,
      double gamma,
      double[] init,
      double[] season,
      double[] state) {
    runWithSse(y, m, alpha, beta, gamma, init, season, state, 0);
  }

  /**
   * One pass of the recursion. The initial level and trend stand just before y[0]; season[i % m]
   * holds the index for the bucket i being processed, updated in place. Writes the final level and
   * trend into {@code state}.
   */
  static double runWithSse(
      double[] y,
      int m,
      double alpha,
      double beta,
      double gamma,
      double[] init,
      double[] season,
      double[] state,
      int h) {
    double level = init[0];
    double trend = init[1];
    System.arraycopy(init, 2, season, 0, m);
    double sse = 0;
    for (int t = 0; t < y.length; t++) {
      int j = t % m;
      double prevLevel = level;
      double s = season[j];
      level = alpha * (y[t] - s) + (1 - alpha) * (prevLevel + trend);
      season[j] = gamma * (y[t] - prevLevel - trend) + (1 - gamma) * s;
      trend = beta * (level - prevLevel) + (1 - beta) * trend;
      if (h > 0 && t + h < y.length) {
        double e = y[t + h] - (level + h * trend + season[(t + h) % m]);
        sse += e * e;
      }
    }
    state[0] = level;
    state[1] = trend;
    return sse;
  }

  static int phase(long epochSecond, long grid, int m) {
    return (int) Math.floorMod(Math.floorDiv(epochSecond, grid), (long) m);
  }

  record Model(
      double alpha,
      double beta,
      double level,
      double trend,
      double[] seasonByPhase,
      long fitEnd,
      long gridSeconds)
      implements FittedModel {

    @Override
    public String name() {
      return ModelKind.HOLT_WINTERS.configName();
    }

    @Override
    public void predict(CoarseView recent, double[] out) {
      int m = seasonByPhase.length;
      long since = Math.floorDiv(recent.endEpochSecond() - fitEnd, gridSeconds);
      int steps = (int) Math.max(0, Math.min(since, recent.length()));
      double l = level;
      double b = trend;
      long end = recent.endEpochSecond();
      for (int k = steps - 1; k >= 0; k--) {
        double s = seasonByPhase[phase(end - k * gridSeconds, gridSeconds, m)];
        double prev = l;
        l = alpha * (recent.filled(k) - s) + (1 - alpha) * (l + b);
        b = beta * (l - prev) + (1 - beta) * b;
      }
      for (int h = 1; h <= out.length; h++) {
        out[h - 1] = l + h * b + seasonByPhase[phase(end + h * gridSeconds, gridSeconds, m)];
      }
    }
  }
}
