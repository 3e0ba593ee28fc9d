package io.predictivescaler.core.config;

import java.util.Arrays;
import java.util.Optional;

/** What the scaler does with its decisions for a workload. */
public enum ScalingMode {
  /** Writes the replica count through the scale subresource. */
  SCALE("scale"),
  /**
   * Decides and records exactly as {@link #SCALE} but changes nothing; the default, so a new policy
   * can be watched before it acts.
   */
  DRY_RUN("dry-run"),
  /** Raises (and later lowers) an existing HPA's {@code minReplicas} ahead of predicted load. */
  HPA_FLOOR("hpa-floor");

  private final String yamlName;

  ScalingMode(String yamlName) {
    this.yamlName = yamlName;
  }

  /** The value as written in policies.yaml. */
  public String yamlName() {
    return yamlName;
  }

  public static Optional<ScalingMode> fromYaml(String name) {
    return Arrays.stream(values()).filter(v -> v.yamlName.equals(name)).findFirst();
  }
}
