package io.predictivescaler.core.actuate;

/** Why an actuator declined to act; the code is the Kubernetes Event reason. */
public enum RefusalReason {
  /** Another autoscaler (an HPA or a KEDA ScaledObject) already scales the Deployment. */
  CONFLICTING_AUTOSCALER("ConflictingAutoscaler"),
  /** The Deployment does not exist. */
  TARGET_NOT_FOUND("TargetNotFound"),
  /** hpa-floor mode, but no HPA targets the Deployment. */
  HPA_NOT_FOUND("HPANotFound");

  private final String code;

  RefusalReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
