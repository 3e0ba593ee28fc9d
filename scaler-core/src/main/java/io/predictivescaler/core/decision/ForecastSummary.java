package io.predictivescaler.core.decision;

import java.util.Objects;

/**
 * What the pipeline needs from a forecast: the peak of the forecast's upper band over {@code [now +
 * leadTime, now + horizon]}, in the load unit of the metric it forecasts (the total over pods for a
 * pod metric, the metric itself for a total metric), and whether it may be used. Each metric of a
 * workload has its own.
 *
 * @param peakUpperLoad the peak of the upper band; NaN when there is none
 * @param status whether the forecast may drive scaling
 * @param detail why it is not trusted, or any note worth showing; may be empty
 * @param model the model that produced it, for explanations
 */
public record ForecastSummary(
    double peakUpperLoad, ForecastStatus status, String detail, String model) {

  public ForecastSummary {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(model, "model");
  }

  public static ForecastSummary trusted(double peakUpperLoad, String model) {
    return new ForecastSummary(peakUpperLoad, ForecastStatus.TRUSTED, "", model);
  }

  /** A trusted forecast with a note for explanations, e.g. which risk candidate sized it. */
  public static ForecastSummary trusted(double peakUpperLoad, String model, String note) {
    return new ForecastSummary(peakUpperLoad, ForecastStatus.TRUSTED, note, model);
  }

  public static ForecastSummary untrusted(double peakUpperLoad, String model, String why) {
    return new ForecastSummary(peakUpperLoad, ForecastStatus.UNTRUSTED, why, model);
  }

  public static ForecastSummary insufficientHistory(String model, String why) {
    return new ForecastSummary(Double.NaN, ForecastStatus.INSUFFICIENT_HISTORY, why, model);
  }

  public boolean trusted() {
    return status == ForecastStatus.TRUSTED;
  }
}
