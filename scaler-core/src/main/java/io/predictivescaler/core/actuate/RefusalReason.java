package io.predictivescaler.core.actuate;

/** Why an actuator declined to act; the code is the Kubernetes Event reason. */
public enum RefusalReason {
  /** Another autoscaler (an HPA or a KEDA ScaledObject) already scales the Deployment. */
  CONFLICTING_AUTOSCALER("ConflictingAutoscaler"),
  /** The Deployment does not exist. */
  TARGET_NOT_FOUND("TargetNotFound"),
  /** hpa-floor mode, but no HPA targets the Deployment. */
  HPA_NOT_FOUND("HPANotFound"),
  /**
   * The Deployment's replica count changed between the decision and the write (kubectl, a GitOps
   * tool): the scaler does not overwrite another writer's count; the next tick decides from it.
   */
  CONFLICTING_WRITER("ConflictingWriter"),
  /** hpa-floor mode, but the HPA belongs to a KEDA ScaledObject, which would undo the floor. */
  HPA_OWNED_BY_KEDA("HPAOwnedByKEDA");

  private final String code;

  RefusalReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
