package io.predictivescaler.core.actuate;

import io.fabric8.kubernetes.api.model.apps.Deployment;

/** The annotations the scaler reads and writes on workloads and HPAs. */
public final class ScalerAnnotations {

  /** On a Deployment: {@code "true"} stops every write to it until removed. */
  public static final String PAUSED = "predictive-scaler.io/paused";

  /** On an HPA in hpa-floor mode: the minReplicas the SRE set, restored on release. */
  public static final String ORIGINAL_MIN_REPLICAS = "predictive-scaler.io/original-min-replicas";

  private ScalerAnnotations() {}

  /** Whether the Deployment carries {@link #PAUSED}{@code : "true"}. */
  public static boolean isPaused(Deployment deployment) {
    var annotations = deployment.getMetadata().getAnnotations();
    return annotations != null && "true".equals(annotations.get(PAUSED));
  }
}
