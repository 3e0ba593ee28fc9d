package io.predictivescaler.core.config;

import java.util.Arrays;
import java.util.Optional;

/** The unit of a rate policy (autoscaling/v2 {@code HPAScalingPolicyType}). */
public enum ScalingPolicyType {
  PODS("Pods"),
  PERCENT("Percent");

  private final String yamlName;

  ScalingPolicyType(String yamlName) {
    this.yamlName = yamlName;
  }

  /** The value as written in policies.yaml. */
  public String yamlName() {
    return yamlName;
  }

  public static Optional<ScalingPolicyType> fromYaml(String name) {
    return Arrays.stream(values()).filter(v -> v.yamlName.equals(name)).findFirst();
  }
}
