package io.predictivescaler.bench.sim;

import io.predictivescaler.forecast.peak.PeakBand;
import java.util.Map;

/**
 * One strategy's replay, tick by tick. Arrays are indexed by tick; the forecast arrays by the tick
 * the forecast was <em>for</em> (so they line up with {@link Scenario#load()}), {@code NaN} where
 * no forecast targeted that tick, and {@code null} when the strategy never gave one.
 *
 * @param scenario the replayed scenario
 * @param replicas replicas (Ready or starting) after each tick's decision
 * @param ready Ready replicas serving each tick
 * @param forecastPoint point forecast for each tick
 * @param forecastLower lower band edge for each tick
 * @param forecastUpper upper band edge for each tick
 * @param forecastModel the model named most often by the forecasts, or {@code null}
 * @param reasons decision reason code to number of ticks, most frequent first
 * @param tickReasons the reason code of each tick's decision
 * @param chosenLevels the quantile level the strategy's counterfactual choice had in force at each
 *     tick: 0 where it was the plain HPA, NaN before the first choice or where the tick gave no
 *     peak bands; {@code null} when the strategy never gave peak bands
 * @param chosenCandidates the name of the candidate the counterfactual choice had in force at each
 *     tick ({@code hpa} for the plain HPA), null where {@code chosenLevels} is NaN; {@code null}
 *     when the strategy never gave peak bands
 * @param peakBandCoverage per-level coverage of the calibrated peak bands after warm-up, and how
 *     often each level was chosen; {@code null} when the strategy gave no peak bands
 * @param metrics the summary
 */
public record SimulationResult(
    Scenario scenario,
    int[] replicas,
    int[] ready,
    double[] forecastPoint,
    double[] forecastLower,
    double[] forecastUpper,
    String forecastModel,
    Map<String, Integer> reasons,
    String[] tickReasons,
    double[] chosenLevels,
    String[] chosenCandidates,
    PeakBandCoverage peakBandCoverage,
    ReplayMetrics metrics) {

  public boolean hasForecast() {
    return forecastPoint != null;
  }

  /**
   * Share of the ticks with a forecast whose load was at most the forecast's upper band edge, in
   * [0, 1]; {@code NaN} when no forecast targeted any tick.
   */
  public double bandCoverage() {
    if (forecastUpper == null) {
      return Double.NaN;
    }
    double[] load = scenario.load();
    int banded = 0;
    int covered = 0;
    for (int t = 0; t < load.length; t++) {
      if (!Double.isNaN(forecastUpper[t])) {
        banded++;
        if (PeakBand.holds(load[t], forecastUpper[t])) {
          covered++;
        }
      }
    }
    return banded == 0 ? Double.NaN : (double) covered / banded;
  }
}
