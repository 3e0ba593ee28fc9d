package io.predictivescaler.core.config;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of workload a policy can target. Only Deployments for now. */
public enum WorkloadKind {
  DEPLOYMENT("Deployment", "apps/v1");

  private final String yamlName;
  private final String apiVersion;

  WorkloadKind(String yamlName, String apiVersion) {
    this.yamlName = yamlName;
    this.apiVersion = apiVersion;
  }

  /** The Kubernetes kind as written in YAML, e.g. {@code Deployment}. */
  public String yamlName() {
    return yamlName;
  }

  public String apiVersion() {
    return apiVersion;
  }

  public static Optional<WorkloadKind> fromYaml(String name) {
    return Arrays.stream(values()).filter(k -> k.yamlName.equals(name)).findFirst();
  }
}
