package io.predictivescaler.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the strategy template prescribes, written out independently of the chart. */
public final class StrategyExpectations {

  public static final Map<String, SizeExpectation> SIZES =
      Map.of(
          "small", new SizeExpectation(1, 2, 10, 2, 10, 2),
          "medium", new SizeExpectation(3, 3, 20, 3, 20, 5),
          "large", new SizeExpectation(5, 10, 100, 5, 50, 10));

  public static final Map<String, ProviderExpectation> PROVIDERS =
      Map.of(
          "aws", new ProviderExpectation("m5.xlarge", "m5.large", "gp3", "aws"),
          "azure",
              new ProviderExpectation(
                  "Standard_D4s_v3", "Standard_D2s_v3", "managed-premium", "azure"),
          "gcp", new ProviderExpectation("n1-standard-4", "n1-standard-2", "pd-ssd", "gcp"),
          "on-premise", new ProviderExpectation("4CPU/8GB", "2CPU/4GB", "local-storage", "aws"),
          "hybrid", new ProviderExpectation("4CPU/8GB", "2CPU/4GB", "local-storage", "aws"));

  private StrategyExpectations() {}

  public static SizeExpectation size(StrategyCombination c) {
    return SIZES.get(c.clusterSize());
  }

  public static ProviderExpectation provider(StrategyCombination c) {
    return PROVIDERS.get(c.cloudProvider());
  }

  /** The scalable Deployments of the application (not the cluster autoscaler). */
  public static List<String> deployments(StrategyCombination c) {
    List<String> names = new ArrayList<>();
    switch (c.applicationArchitecture()) {
      case "microservices" -> names.add("user-service");
      case "monolith" -> names.add("monolith");
      case "serverless" -> names.add("functions");
      case "hybrid" -> names.addAll(List.of("user-service", "monolith"));
      default -> throw new IllegalArgumentException(c.applicationArchitecture());
    }
    switch (c.workloadType()) {
      case "web-services" -> names.add("web-service");
      case "data-processing" -> names.add("data-processor");
      case "ai-ml" -> names.add("ml-inference-service");
      case "batch-jobs" -> {}
      default -> throw new IllegalArgumentException(c.workloadType());
    }
    return names;
  }

  public static boolean runsClusterAutoscaler(StrategyCombination c) {
    return c.scaling().equals("auto-scaling")
        && List.of("aws", "azure", "gcp").contains(c.cloudProvider());
  }
}
