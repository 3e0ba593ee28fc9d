package io.predictivescaler.collector.metricsserver;

import java.util.Objects;

/**
 * One pod's usage and request of a resource (cores or bytes). {@code usage} is NaN when the pod has
 * no metric.
 */
public record PodResourceUsage(String pod, PodState state, double usage, double request) {

  public PodResourceUsage {
    Objects.requireNonNull(pod, "pod");
    Objects.requireNonNull(state, "state");
  }
}
