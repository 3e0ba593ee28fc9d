package io.predictivescaler.core.actuate;

import io.predictivescaler.core.decision.ReasonCode;

/**
 * Why an actuator declined to act; the code is the Kubernetes Event reason, from {@link
 * ReasonCode}.
 */
public enum RefusalReason {
  /** Another autoscaler (an HPA or a KEDA ScaledObject) already scales the target. */
  CONFLICTING_AUTOSCALER(ReasonCode.CONFLICTING_AUTOSCALER),
  /** The scale target does not exist. */
  TARGET_NOT_FOUND(ReasonCode.TARGET_NOT_FOUND),
  /** hpa-floor mode, but no HPA targets the workload. */
  HPA_NOT_FOUND(ReasonCode.HPA_NOT_FOUND),
  /**
   * The target's replica count changed between the decision and the write (kubectl, a GitOps tool):
   * the scaler does not overwrite another writer's count; the next tick decides from it.
   */
  CONFLICTING_WRITER(ReasonCode.CONFLICTING_WRITER),
  /** hpa-floor mode, but the HPA belongs to a KEDA ScaledObject, which would undo the floor. */
  HPA_OWNED_BY_KEDA(ReasonCode.HPA_OWNED_BY_KEDA);

  private final ReasonCode reason;

  RefusalReason(ReasonCode reason) {
    this.reason = reason;
  }

  public String code() {
    return reason.code();
  }
}
