package io.predictivescaler.core.config;

import java.util.Arrays;
import java.util.Optional;

/** How several rate policies in one direction combine (autoscaling/v2 {@code selectPolicy}). */
public enum SelectPolicy {
  MAX("Max"),
  MIN("Min"),
  DISABLED("Disabled");

  private final String yamlName;

  SelectPolicy(String yamlName) {
    this.yamlName = yamlName;
  }

  /** The value as written in policies.yaml. */
  public String yamlName() {
    return yamlName;
  }

  public static Optional<SelectPolicy> fromYaml(String name) {
    return Arrays.stream(values()).filter(v -> v.yamlName.equals(name)).findFirst();
  }
}
