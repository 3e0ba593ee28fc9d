package io.predictivescaler.core.config;

import java.util.Arrays;
import java.util.Optional;

/** Resources metrics-server reports per pod. */
public enum ResourceName {
  CPU("cpu"),
  MEMORY("memory");

  private final String yamlName;

  ResourceName(String yamlName) {
    this.yamlName = yamlName;
  }

  public String yamlName() {
    return yamlName;
  }

  public static Optional<ResourceName> fromYaml(String name) {
    return Arrays.stream(values()).filter(r -> r.yamlName.equals(name)).findFirst();
  }
}
