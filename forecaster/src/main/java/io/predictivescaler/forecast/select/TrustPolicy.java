package io.predictivescaler.forecast.select;

import io.predictivescaler.forecast.Accuracy;
import io.predictivescaler.forecast.ModelKind;
import io.predictivescaler.forecast.TrustCode;
import io.predictivescaler.forecast.TrustVerdict;
import java.time.Duration;

/**
 * Decides whether a forecast may drive scaling. Untrusted when history is shorter than {@code
 * minHistory}; otherwise, once {@code minSamples} forecasts have been scored online, trusted only
 * if their MAE beats the best baseline (last value, seasonal naive, moving mean of the last hour;
 * never the model itself) by the fraction {@code minSkill} over the recent period. Before that, the
 * backtest at the last re-pick stands in for online evidence.
 */
public record TrustPolicy(Duration minHistory, int minSamples, double minSkill) {

  /**
   * The verdict for a forecast by {@code model} ({@code kind} is the baseline it must not be
   * compared with, when it is one); {@code backtestMae} and {@code backtestBaseline} (NaN if none)
   * stand in until {@code minSamples} forecasts have been scored online.
   */
  public TrustVerdict judge(
      Duration history,
      Accuracy online,
      double backtestMae,
      double backtestBaseline,
      ModelKind kind,
      String model) {
    if (history.compareTo(minHistory) < 0) {
      return TrustVerdict.untrusted(
          TrustCode.InsufficientHistory,
          "history spans " + history + ", need " + minHistory + " before trusting a forecast");
    }
    if (online.samples() >= minSamples) {
      return compare(
          online.mae(),
          online.bestBaselineMae(kind),
          "over the last " + online.samples() + " forecasts",
          model);
    }
    if (!Double.isNaN(backtestMae)) {
      return compare(backtestMae, backtestBaseline, "in the backtest", model);
    }
    return TrustVerdict.untrusted(
        TrustCode.InsufficientHistory,
        "no accuracy evidence yet ("
            + online.samples()
            + " of "
            + minSamples
            + " scored forecasts)");
  }

  private TrustVerdict compare(double mae, double baseline, String where, String model) {
    if (Double.isNaN(mae) || Double.isNaN(baseline)) {
      return TrustVerdict.untrusted(
          TrustCode.InsufficientHistory, "no comparable accuracy figures " + where);
    }
    String figures =
        model + " MAE " + round(mae) + " vs best baseline " + round(baseline) + " " + where;
    if (mae <= (1 - minSkill) * baseline) {
      return TrustVerdict.trusted(figures);
    }
    return TrustVerdict.untrusted(
        TrustCode.ForecastUntrusted,
        figures + ", not " + Math.round(minSkill * 100) + "% better: decisions stay reactive");
  }

  /** Four significant digits, without the cost of String.format on the tick path. */
  static String round(double v) {
    if (v == 0 || Double.isInfinite(v)) {
      return Double.toString(v);
    }
    double magnitude = Math.pow(10, 3 - Math.floor(Math.log10(Math.abs(v))));
    return Double.toString(Math.round(v * magnitude) / magnitude);
  }
}
