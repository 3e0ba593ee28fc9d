package io.predictivescaler.core.actuate;

import io.predictivescaler.core.decision.ReasonCode;

/**
 * Why an actuator declined to act; the code is the Kubernetes Event reason, from {@link
 * ReasonCode}.
 */
public enum RefusalReason {
  /** Another autoscaler (an HPA or a KEDA ScaledObject) already scales the Deployment. */
  CONFLICTING_AUTOSCALER(ReasonCode.CONFLICTING_AUTOSCALER),
  /** The Deployment does not exist. */
  TARGET_NOT_FOUND(ReasonCode.TARGET_NOT_FOUND),
  /** hpa-floor mode, but no HPA targets the Deployment. */
  HPA_NOT_FOUND(ReasonCode.HPA_NOT_FOUND);

  private final ReasonCode reason;

  RefusalReason(ReasonCode reason) {
    this.reason = reason;
  }

  public String code() {
    return reason.code();
  }
}
