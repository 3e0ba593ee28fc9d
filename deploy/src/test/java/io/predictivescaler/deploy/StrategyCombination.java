package io.predictivescaler.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One choice of the strategy's six arguments, as the chart's values. */
public record StrategyCombination(
    String applicationArchitecture,
    String environment,
    String clusterSize,
    String workloadType,
    String cloudProvider,
    String scaling) {

  public static final List<String> ARGUMENTS =
      List.of(
          "applicationArchitecture",
          "environment",
          "clusterSize",
          "workloadType",
          "cloudProvider",
          "scaling");

  /** Each argument's values, in ARGUMENTS order, as the strategy template lists them. */
  public static final List<List<String>> VALUES =
      List.of(
          List.of("microservices", "monolith", "serverless", "hybrid"),
          List.of("development", "staging", "production", "multi-region"),
          List.of("small", "medium", "large"),
          List.of("web-services", "batch-jobs", "ai-ml", "data-processing"),
          List.of("aws", "azure", "gcp", "on-premise", "hybrid"),
          List.of("manual", "auto-scaling", "predictive", "event-driven"));

  public static StrategyCombination of(List<String> values) {
    return new StrategyCombination(
        values.get(0), values.get(1), values.get(2), values.get(3), values.get(4), values.get(5));
  }

  public List<String> values() {
    return List.of(
        applicationArchitecture, environment, clusterSize, workloadType, cloudProvider, scaling);
  }

  /** Chart values: the six arguments, with the optional GitOps objects switched on. */
  public Map<String, Object> chartValues() {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < ARGUMENTS.size(); i++) {
      values.put(ARGUMENTS.get(i), values().get(i));
    }
    values.put("argocd.enabled", true);
    values.put("tekton.enabled", true);
    return values;
  }

  @Override
  public String toString() {
    return String.join(" ", values());
  }
}
