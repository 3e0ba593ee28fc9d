package io.predictivescaler.core.decision;

import java.util.Objects;

/**
 * A per-pod metric (HPA Resource or Pods metrics), reduced to the sums the HPA's replica calculator
 * uses. The caller groups pods like the HPA's {@code groupPods}: pods being deleted or failed are
 * left out; pending pods, and (for CPU) pods not yet ready, are {@code unready}; pods without a
 * sample are {@code missing}; the rest are {@code ready}.
 *
 * <p>{@code readySum} is the sum of the ready pods' values. The request sums are the pods' resource
 * requests, in the same unit as the values, and only matter for {@link TargetType#UTILIZATION}. A
 * non-finite or negative sum makes the metric invalid for this tick.
 */
public record PodMetric(
    String name,
    MetricTarget target,
    int readyPods,
    double readySum,
    double readyRequests,
    int unreadyPods,
    double unreadyRequests,
    int missingPods,
    double missingRequests)
    implements MetricInput {

  public PodMetric {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(target, "target");
    if (target.type() == TargetType.VALUE) {
      throw new IllegalArgumentException(
          "target of pod metric " + name + " must be UTILIZATION or AVERAGE_VALUE, got VALUE");
    }
    requireCount("readyPods", readyPods);
    requireCount("unreadyPods", unreadyPods);
    requireCount("missingPods", missingPods);
  }

  /** A metric averaged per pod; unready and missing pods are only counted. */
  public static PodMetric averageValue(
      String name, double targetPerPod, double[] readyValues, int unreadyPods, int missingPods) {
    return new PodMetric(
        name,
        MetricTarget.averageValue(targetPerPod),
        readyValues.length,
        sum(readyValues),
        0,
        unreadyPods,
        0,
        missingPods,
        0);
  }

  /**
   * A resource utilization metric where every pod has the same request (one pod template): the
   * usual case outside a rollout that changes requests.
   */
  public static PodMetric utilization(
      String name,
      double targetPercent,
      double podRequest,
      double[] readyUsage,
      int unreadyPods,
      int missingPods) {
    return new PodMetric(
        name,
        MetricTarget.utilization(targetPercent),
        readyUsage.length,
        sum(readyUsage),
        podRequest * readyUsage.length,
        unreadyPods,
        podRequest * unreadyPods,
        missingPods,
        podRequest * missingPods);
  }

  /** All pods seen by the HPA's pod lister, grouped or not. */
  public int pods() {
    return readyPods + unreadyPods + missingPods;
  }

  private static double sum(double[] values) {
    double total = 0;
    for (double v : values) {
      total += v;
    }
    return total;
  }

  private static void requireCount(String field, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must be >= 0, got " + value);
    }
  }
}
