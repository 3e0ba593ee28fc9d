package io.predictivescaler.core.decision;

import java.util.Optional;

/**
 * Every reason code the scaler reports: the one list of Kubernetes Event reasons (as KEDA keeps its
 * {@code pkg/eventreason}), also used as the {@code reason} of logs, metrics, the ops API and
 * skipped ticks. Codes shared with the Kubernetes HPA keep the HPA's name ({@link #code()}) and
 * meaning; the others are ours. docs/DECISIONS.md and docs/OPERATIONS.md describe each one.
 *
 * <p>The decision pipeline returns only the decision reasons (the first group). The others come
 * from the actuators, the policy watcher and the tick loop.
 */
public enum ReasonCode {

  // Decision reasons: why the pipeline chose its replica count.

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
  /**
   * Ours: under {@code risk: hpa} the workload has spent what it saved against the plain HPA run
   * beside it, so the forecast may lower the count but not raise it above the plain HPA's.
   */
  SAVINGS_SPENT("SavingsSpent"),
  /** Ours: a forecast exists but is not trusted (or cannot be used); reactive only. */
  FORECAST_UNTRUSTED("ForecastUntrusted"),
  /** Ours: the forecaster has too little history yet; reactive only. */
  INSUFFICIENT_HISTORY("InsufficientHistory"),
  /** Ours: load far above ready capacity skipped scale-up stabilization. */
  BURST_SCALE_UP("BurstScaleUp"),
  /** Ours (KEDA's cron trigger): an active schedule raised the count to its floor. */
  SCHEDULED_FLOOR("ScheduledFloor"),
  /** Ours (KEDA's fallback): metrics have been unavailable long enough to run the fallback. */
  FALLBACK_REPLICAS("FallbackReplicas"),

  // Actuation reasons: what the actuator made of a decision.

  /** Ours: the decision was computed but not applied (dry-run mode, the dry-run actuator). */
  DRY_RUN("DryRun"),
  /** Ours: the target carries {@code predictive-scaler.io/paused: "true"}; nothing written. */
  SCALING_PAUSED("ScalingPaused"),
  /** HPA: the API kept failing after retries. */
  FAILED_RESCALE("FailedRescale"),
  /** Ours: another autoscaler (an HPA or a KEDA ScaledObject) already scales the target. */
  CONFLICTING_AUTOSCALER("ConflictingAutoscaler"),
  /** Ours: the scale target does not exist (a refusal, or a tick skipped for it). */
  TARGET_NOT_FOUND("TargetNotFound"),
  /** Ours: hpa-floor mode, but no HPA targets the workload. */
  HPA_NOT_FOUND("HPANotFound"),
  /** Ours: the replica count changed between decision and write; another writer's count stays. */
  CONFLICTING_WRITER("ConflictingWriter"),
  /** Ours: hpa-floor mode, but the HPA belongs to a KEDA ScaledObject, which would undo it. */
  HPA_OWNED_BY_KEDA("HPAOwnedByKEDA"),
  /** Ours: leadership was lost before the write; nothing was written. */
  NOT_LEADER("NotLeader"),

  // Policy and tick reasons.

  /** Ours: a policy ConfigMap was rejected; the last good policy stays in force. */
  INVALID_POLICY("InvalidPolicy"),
  /** Ours: an older ConfigMap owns the workload this ConfigMap also names; its entry is ignored. */
  SHADOWED_POLICY("ShadowedPolicy"),
  /** Ours: the tick of one workload threw; its state is kept and the others go on. */
  TICK_FAILED("TickFailed"),
  /**
   * Ours: the workload's tick ran out of its time budget (a fraction of its step) before it could
   * act; its decision for that step is discarded, nothing is actuated, the others go on.
   */
  TICK_DEADLINE_EXCEEDED("TickDeadlineExceeded"),
  /**
   * Ours: the workload's step came round while its previous tick still ran; this one is skipped.
   */
  TICK_OVERRUN("TickOverrun");

  private final String code;

  ReasonCode(String code) {
    this.code = code;
  }

  /** The stable name users grep for in Events, logs and the API, e.g. {@code ScaleUpLimit}. */
  public String code() {
    return code;
  }

  /** The reason whose {@link #code()} is {@code code}, if there is one. */
  public static Optional<ReasonCode> ofCode(String code) {
    for (ReasonCode reason : values()) {
      if (reason.code.equals(code)) {
        return Optional.of(reason);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return code;
  }
}
