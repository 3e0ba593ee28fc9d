package io.predictivescaler.core.explain;

import io.predictivescaler.core.config.ScalingMode;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.decision.ReasonCode;
import java.time.Instant;
import java.util.Objects;

/**
 * One tick's decision for one workload, as the recorder needs it. Kept independent of the decision
 * pipeline's own types but its reason code; the tick loop maps to it.
 *
 * @param workload the scale target
 * @param time when the decision was made (the tick's clock)
 * @param fromReplicas replicas when deciding
 * @param toReplicas replicas decided
 * @param reason the recorded reason, e.g. {@code PredictedLoad}, {@code ScaleUpLimit}, {@code
 *     DryRun}
 * @param explanation one human line, becomes the Event message
 * @param mode the policy mode in force
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
    ReasonCode reason,
    String explanation,
    ScalingMode mode,
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
    Objects.requireNonNull(reason, "reason");
    explanation = explanation == null ? "" : explanation;
  }

  /** True when the decision asks for a different count than the workload had. */
  public boolean changesReplicas() {
    return fromReplicas != toReplicas;
  }
}
