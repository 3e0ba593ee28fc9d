package io.predictivescaler.core.explain;

import io.predictivescaler.core.config.ScalingMode;
import io.predictivescaler.core.config.TargetRef;
import java.time.Instant;
import java.util.Objects;

/**
 * One tick's decision for one workload, as the recorder needs it. Kept independent of the decision
 * pipeline's own types; the tick loop maps to it.
 *
 * @param workload the Deployment
 * @param time when the decision was made (the tick's clock)
 * @param fromReplicas replicas when deciding
 * @param toReplicas replicas decided
 * @param reasonCode stable CamelCase code, e.g. {@code PredictedLoad}, {@code ScaleUpLimit}
 * @param explanation one human line, becomes the Event message
 * @param mode the policy mode in force
 * @param forecastPeak highest upper band over the horizon, null without a forecast
 * @param model the forecasting model used, e.g. {@code linear}; empty without one
 * @param trusted whether the forecast was trusted (weighed into the decision)
 * @param shadowHpaReplicas what a plain HPA would have decided on the same inputs
 * @param observedLoad the load observed this tick, NaN when missing
 * @param forecastAtHorizon point forecast at now + horizon, null without a forecast
 * @param upperAtHorizon upper band at now + horizon, null without a forecast
 * @param forecastError absolute error of the forecast made one horizon ago for now, null if none
 */
public record DecisionRecord(
    TargetRef workload,
    Instant time,
    int fromReplicas,
    int toReplicas,
    String reasonCode,
    String explanation,
    ScalingMode mode,
    Double forecastPeak,
    String model,
    boolean trusted,
    int shadowHpaReplicas,
    double observedLoad,
    Double forecastAtHorizon,
    Double upperAtHorizon,
    Double forecastError) {

  public DecisionRecord {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(mode, "mode");
    if (reasonCode == null || reasonCode.isBlank()) {
      throw new IllegalArgumentException("reasonCode of " + workload + " must not be blank");
    }
    explanation = explanation == null ? "" : explanation;
    model = model == null ? "" : model;
  }

  /** True when the decision asks for a different count than the workload had. */
  public boolean changesReplicas() {
    return fromReplicas != toReplicas;
  }
}
