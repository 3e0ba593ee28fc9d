package io.predictivescaler.core.service;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code /api/v1/workloads} shows about one metric of a workload: each metric has its own
 * forecaster, calibration and forecast-vs-actual track.
 *
 * @param metric the metric's name: its PromQL query, or e.g. {@code cpu utilization}
 * @param observedLoad the metric's load at the last decided tick, null when unknown
 * @param lastForecast the metric's forecast at the last decided tick ({@code model}, {@code
 *     status}, {@code peakUpper}, {@code detail}, and the calibration's {@code candidate}, {@code
 *     level}, {@code levelCoverage} once chosen); null before the first decided tick
 * @param forecastVsActual the last hour, oldest first
 * @param model the model in use, e.g. {@code holt-winters}
 * @param accuracy accuracy figures of that model, e.g. {@code mae}, {@code bandCoverage}
 * @param trusted whether decisions currently use this metric's forecast
 * @param trustReason why (not)
 * @param modelFailures candidate models the last backtest left out, by name, and why
 */
public record MetricStatus(
    String metric,
    Double observedLoad,
    Map<String, Object> lastForecast,
    List<ForecastPoint> forecastVsActual,
    String model,
    Map<String, Double> accuracy,
    boolean trusted,
    String trustReason,
    Map<String, String> modelFailures) {

  public MetricStatus {
    Objects.requireNonNull(metric, "metric");
    forecastVsActual = forecastVsActual == null ? List.of() : List.copyOf(forecastVsActual);
    accuracy = accuracy == null ? Map.of() : Map.copyOf(accuracy);
    modelFailures = modelFailures == null ? Map.of() : Map.copyOf(modelFailures);
  }
}
