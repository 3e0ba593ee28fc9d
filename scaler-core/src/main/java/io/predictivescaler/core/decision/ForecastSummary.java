package io.predictivescaler.core.decision;

import java.time.Duration;
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
 * @param reactiveShare while the forecast is used, where its metric's reactive target lies between
 *     the reactive-only target (0) and the predictive target (1)
 * @param hold how long the scale-down window holds what this forecast asked for (at most the
 *     window): the lead window the peak band covers (metric delay, pod start-up and one step),
 *     since the band already is the peak of that window ahead and holding it for the whole window
 *     would cover five more minutes no forecast asked for; or the policy's {@code forecastHold}
 *     where that is longer. {@link #WHOLE_WINDOW} when not known.
 * @param mayRaise whether the forecast may raise the count above what the metrics ask for at their
 *     reactive targets, the plain HPA's count; when false it may only lower it (its reactive part
 *     read nearer the predictive target), as while the workload has spent what it saved against the
 *     plain HPA under {@code risk: hpa}
 */
public record ForecastSummary(
    double peakUpperLoad,
    ForecastStatus status,
    String detail,
    String model,
    double reactiveShare,
    Duration hold,
    boolean mayRaise) {

  /**
   * A hold at least as long as any scale-down window: the forecast is held like the HPA's count.
   */
  public static final Duration WHOLE_WINDOW = Duration.ofHours(1);

  public ForecastSummary {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(hold, "hold");
    if (!(reactiveShare >= 0 && reactiveShare <= 1)) {
      throw new IllegalArgumentException("reactiveShare must be in [0, 1], got " + reactiveShare);
    }
    if (hold.isNegative()) {
      throw new IllegalArgumentException("hold must not be negative, got " + hold);
    }
  }

  /** A summary that may raise the count, held for {@code hold}. */
  public ForecastSummary(
      double peakUpperLoad,
      ForecastStatus status,
      String detail,
      String model,
      double reactiveShare,
      Duration hold) {
    this(peakUpperLoad, status, detail, model, reactiveShare, hold, true);
  }

  /** A summary held for the whole scale-down window. */
  public ForecastSummary(
      double peakUpperLoad,
      ForecastStatus status,
      String detail,
      String model,
      double reactiveShare) {
    this(peakUpperLoad, status, detail, model, reactiveShare, WHOLE_WINDOW);
  }

  /** A summary whose forecast, when used, reads its metric at the predictive target. */
  public ForecastSummary(double peakUpperLoad, ForecastStatus status, String detail, String model) {
    this(peakUpperLoad, status, detail, model, 1);
  }

  public static ForecastSummary trusted(double peakUpperLoad, String model) {
    return new ForecastSummary(peakUpperLoad, ForecastStatus.TRUSTED, "", model);
  }

  /** A trusted forecast with a note for explanations, e.g. which risk candidate sized it. */
  public static ForecastSummary trusted(double peakUpperLoad, String model, String note) {
    return new ForecastSummary(peakUpperLoad, ForecastStatus.TRUSTED, note, model);
  }

  /**
   * A trusted forecast whose metric's reactive part is read at a target {@code reactiveShare} of
   * the way from the reactive-only target to the predictive one.
   */
  public static ForecastSummary trusted(
      double peakUpperLoad, String model, String note, double reactiveShare) {
    return new ForecastSummary(peakUpperLoad, ForecastStatus.TRUSTED, note, model, reactiveShare);
  }

  public static ForecastSummary untrusted(double peakUpperLoad, String model, String why) {
    return new ForecastSummary(peakUpperLoad, ForecastStatus.UNTRUSTED, why, model);
  }

  public static ForecastSummary insufficientHistory(String model, String why) {
    return new ForecastSummary(Double.NaN, ForecastStatus.INSUFFICIENT_HISTORY, why, model);
  }

  /** The same forecast, held for {@code newHold} in the scale-down window. */
  public ForecastSummary withHold(Duration newHold) {
    return new ForecastSummary(
        peakUpperLoad, status, detail, model, reactiveShare, newHold, mayRaise);
  }

  /**
   * The same forecast, allowed only to lower the count below the plain HPA's, with {@code why}
   * added to its detail.
   */
  public ForecastSummary withoutRaising(String why) {
    return new ForecastSummary(
        peakUpperLoad,
        status,
        detail.isEmpty() ? why : detail + "; " + why,
        model,
        reactiveShare,
        hold,
        false);
  }

  public boolean trusted() {
    return status == ForecastStatus.TRUSTED;
  }
}
