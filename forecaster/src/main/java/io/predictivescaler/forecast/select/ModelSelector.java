package io.predictivescaler.forecast.select;

import io.predictivescaler.forecast.FittedModel;
import io.predictivescaler.forecast.Forecaster;
import io.predictivescaler.forecast.ForecasterFactory;
import io.predictivescaler.forecast.ModelContext;
import io.predictivescaler.forecast.ModelKind;
import io.predictivescaler.forecast.feature.CoarseView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Rolling-origin backtest on the recent history: each candidate is fitted on the history before the
 * last {@code holdout} buckets and scored by the MAE of its horizon forecast from origins inside
 * them. Candidates whose history is too short are skipped. When {@code combine} is set, the
 * equal-weight average of each pair is scored too (combining forecasts is a cheap, robust gain when
 * models err differently) and wins if it beats every single model. A candidate that throws or
 * forecasts a non-finite value is left out, and {@link Selection#failures()} says why: one broken
 * model never costs the workload its forecast.
 */
public final class ModelSelector {
  private static final int MAX_ORIGINS = 360;

  private ModelSelector() {}

  public static Selection select(
      CoarseView history,
      ModelContext context,
      Collection<ModelKind> candidates,
      int holdout,
      double quantile,
      boolean combine,
      Instant now) {
    return select(
        history, context, candidates, holdout, quantile, combine, now, ForecasterFactory::create);
  }

  /** As above, with the candidates built by {@code models} (tests inject failing ones). */
  public static Selection select(
      CoarseView history,
      ModelContext context,
      Collection<ModelKind> candidates,
      int holdout,
      double quantile,
      boolean combine,
      Instant now,
      Function<ModelKind, Forecaster> models) {
    int h = context.horizonSteps();
    int stride = Math.max(1, (holdout - h) / MAX_ORIGINS);
    int n = (holdout - h) / stride + 1;
    double[][] actual = new double[n][h];
    for (int i = 0; i < n; i++) {
      int offset = holdout - i * stride;
      for (int step = 1; step <= h; step++) {
        actual[i][step - 1] = history.ago(offset - step);
      }
    }
    CoarseView train = history.shift(holdout);
    List<ModelKind> scored = new ArrayList<>();
    List<double[][]> predictions = new ArrayList<>();
    Map<ModelKind, String> failures = new EnumMap<>(ModelKind.class);
    for (ModelKind kind : candidates) {
      Forecaster forecaster = models.apply(kind);
      if (train.length() < forecaster.minHistory(context)) {
        continue;
      }
      double[][] p = new double[n][h];
      try {
        FittedModel model = forecaster.fit(train, context);
        for (int i = 0; i < n; i++) {
          model.predict(history.shift(holdout - i * stride), p[i]);
        }
      } catch (RuntimeException e) {
        failures.put(kind, "failed in the backtest: " + e);
        continue;
      }
      if (!finite(p)) {
        failures.put(kind, "forecast a non-finite value in the backtest");
        continue;
      }
      scored.add(kind);
      predictions.add(p);
    }
    Map<ModelKind, Double> scores = new EnumMap<>(ModelKind.class);
    Map<ModelKind, double[]> offsets = new EnumMap<>(ModelKind.class);
    ModelKind best = ModelKind.LAST_VALUE;
    ModelKind partner = null;
    double bestScore = Double.POSITIVE_INFINITY;
    double[][] winner = null;
    for (int c = 0; c < scored.size(); c++) {
      double[][] p = predictions.get(c);
      double mae = mae(actual, p, h - 1);
      scores.put(scored.get(c), mae);
      offsets.put(scored.get(c), quantiles(actual, p, quantile));
      if (mae < bestScore) {
        bestScore = mae;
        best = scored.get(c);
        winner = p;
      }
    }
    if (combine) {
      for (int a = 0; a < scored.size(); a++) {
        for (int b = a + 1; b < scored.size(); b++) {
          double[][] avg = average(predictions.get(a), predictions.get(b));
          double mae = mae(actual, avg, h - 1);
          if (mae < bestScore) {
            bestScore = mae;
            best = scored.get(a);
            partner = scored.get(b);
            winner = avg;
          }
        }
      }
    }
    double[] winnerOffsets = winner == null ? null : quantiles(actual, winner, quantile);
    return new Selection(
        now,
        best,
        partner,
        bestScore,
        scores,
        offsets,
        winnerOffsets,
        scored.isEmpty() ? 0 : n,
        failures);
  }

  private static boolean finite(double[][] p) {
    for (double[] row : p) {
      for (double v : row) {
        if (!Double.isFinite(v)) {
          return false;
        }
      }
    }
    return true;
  }

  private static double mae(double[][] actual, double[][] p, int step) {
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      sum += Math.abs(actual[i][step] - p[i][step]);
    }
    return sum / actual.length;
  }

  private static double[] quantiles(double[][] actual, double[][] p, double q) {
    int h = actual[0].length;
    double[] out = new double[h];
    float[] residuals = new float[actual.length];
    for (int step = 0; step < h; step++) {
      for (int i = 0; i < actual.length; i++) {
        residuals[i] = (float) (actual[i][step] - p[i][step]);
      }
      out[step] = ResidualQuantiles.quantile(residuals, q);
    }
    return out;
  }

  private static double[][] average(double[][] a, double[][] b) {
    double[][] out = new double[a.length][a[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) {
        out[i][j] = (a[i][j] + b[i][j]) / 2;
      }
    }
    return out;
  }
}
