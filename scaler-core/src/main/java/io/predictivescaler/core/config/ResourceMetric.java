package io.predictivescaler.core.config;

import java.util.Objects;

/**
 * Load read from metrics-server: the usage of a resource as a percentage of the pods' requests,
 * with the average utilization each replica should run at (HPA's {@code averageUtilization}; may
 * exceed 100 when limits are above requests).
 */
public record ResourceMetric(ResourceName resource, int targetUtilizationPercent)
    implements MetricSpec {

  public ResourceMetric {
    Objects.requireNonNull(resource, "resource");
    if (targetUtilizationPercent < 1) {
      throw new IllegalArgumentException(
          "targetUtilizationPercent must be >= 1, got " + targetUtilizationPercent);
    }
  }

  /** {@code cpu utilization} or {@code memory utilization}. */
  @Override
  public String name() {
    return resource.yamlName() + " utilization";
  }
}
