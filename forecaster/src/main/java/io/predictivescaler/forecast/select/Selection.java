package io.predictivescaler.forecast.select;

import io.predictivescaler.forecast.ModelKind;
import java.time.Instant;
import java.util.Map;

/**
 * Result of a backtest: each candidate's MAE at the horizon on the recent history (fit on the
 * history before it, predicting from every {@code stride}-th origin in it); the winner, which is
 * either the best candidate ({@code partner == null}) or the equal-weight average of {@code best}
 * and {@code partner} when that scored lower; and the quantile of the residuals per step of each
 * candidate and of the winner (the upper band until online residuals exist).
 *
 * @param winnerScore MAE of the winner (a combination has no entry in {@code scores})
 * @param winnerOffsets residual quantile per horizon step of the winner
 * @param failures candidates left out because they threw or forecast a non-finite value, and why
 */
public record Selection(
    Instant at,
    ModelKind best,
    ModelKind partner,
    double winnerScore,
    Map<ModelKind, Double> scores,
    Map<ModelKind, double[]> upperOffsets,
    double[] winnerOffsets,
    int origins,
    Map<ModelKind, String> failures) {

  public Selection {
    scores = Map.copyOf(scores);
    upperOffsets = Map.copyOf(upperOffsets);
    failures = Map.copyOf(failures);
  }

  /** Name of the winner, e.g. {@code holt} or {@code linear+holt}. */
  public String winnerName() {
    return partner == null ? best.configName() : best.configName() + "+" + partner.configName();
  }

  /** MAE of {@code kind}, or NaN if it was not scored. */
  public double score(ModelKind kind) {
    return scores.getOrDefault(kind, Double.NaN);
  }

  /**
   * The chosen quantile of {@code kind}'s backtest residuals per horizon step (index 0 = one step
   * ahead), or null if it was not scored.
   */
  public double[] upperOffsets(ModelKind kind) {
    double[] offsets = upperOffsets.get(kind);
    return offsets == null ? null : offsets.clone();
  }

  /** Lower of the last-value and seasonal-naive scores (NaN if neither was scored). */
  public double bestBaseline() {
    double lv = score(ModelKind.LAST_VALUE);
    double sn = score(ModelKind.SEASONAL_NAIVE);
    if (Double.isNaN(lv)) {
      return sn;
    }
    return Double.isNaN(sn) ? lv : Math.min(lv, sn);
  }
}
