package io.predictivescaler.core.actuate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;

/** The annotations the scaler reads and writes on workloads and HPAs. */
public final class ScalerAnnotations {

  /** On a scale target: {@code "true"} stops every write to it until removed. */
  public static final String PAUSED = "predictive-scaler.io/paused";

  /** On an HPA in hpa-floor mode: the minReplicas the SRE set, restored on release. */
  public static final String ORIGINAL_MIN_REPLICAS = "predictive-scaler.io/original-min-replicas";

  private ScalerAnnotations() {}

  /** True when the object carries {@link #PAUSED}{@code : "true"}. */
  public static boolean isPaused(HasMetadata object) {
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    return annotations != null && "true".equals(annotations.get(PAUSED));
  }
}
