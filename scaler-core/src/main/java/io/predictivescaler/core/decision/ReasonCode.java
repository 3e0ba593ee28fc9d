package io.predictivescaler.core.decision;

/**
 * Why a decision came out as it did. Codes shared with the Kubernetes HPA keep the HPA's name
 * ({@link #code()}) and meaning; the others are ours. docs/DECISIONS.md describes each one.
 */
public enum ReasonCode {
  /** HPA: the target has 0 replicas and minReplicas is above 0, so autoscaling is off. */
  SCALING_DISABLED("ScalingDisabled"),
  /** HPA: capped at maxReplicas. */
  TOO_MANY_REPLICAS("TooManyReplicas"),
  /** HPA: raised to minReplicas. */
  TOO_FEW_REPLICAS("TooFewReplicas"),
  /** HPA: a scale-up rate policy capped the change. */
  SCALE_UP_LIMIT("ScaleUpLimit"),
  /** HPA: a scale-down rate policy capped the change. */
  SCALE_DOWN_LIMIT("ScaleDownLimit"),
  /** HPA: a lower recommendation inside the scale-up window held the scale-up back. */
  SCALE_UP_STABILIZED("ScaleUpStabilized"),
  /** HPA: a higher recommendation inside the scale-down window held the scale-down back. */
  SCALE_DOWN_STABILIZED("ScaleDownStabilized"),
  /** HPA: the recommendation was applied as computed. */
  DESIRED_WITHIN_RANGE("DesiredWithinRange"),
  /** The usage ratio was within tolerance of the target, so the replica count stays. */
  WITHIN_TOLERANCE("WithinTolerance"),
  /** Ours: no valid metric, or invalid metrics while the valid ones would scale down. */
  METRICS_UNAVAILABLE("MetricsUnavailable"),
  /** Ours: a trusted forecast asked for more replicas than the reactive signal. */
  PREDICTED_LOAD("PredictedLoad"),
  /** Ours: a forecast exists but is not trusted (or cannot be used); reactive only. */
  FORECAST_UNTRUSTED("ForecastUntrusted"),
  /** Ours: the forecaster has too little history yet; reactive only. */
  INSUFFICIENT_HISTORY("InsufficientHistory"),
  /** Ours: load far above ready capacity skipped scale-up stabilization. */
  BURST_SCALE_UP("BurstScaleUp"),
  /** Ours: the decision was computed but not applied (dry-run mode). */
  DRY_RUN("DryRun");

  private final String code;

  ReasonCode(String code) {
    this.code = code;
  }

  /** The stable name users grep for in Events, logs and the API, e.g. {@code ScaleUpLimit}. */
  public String code() {
    return code;
  }

  @Override
  public String toString() {
    return code;
  }
}
