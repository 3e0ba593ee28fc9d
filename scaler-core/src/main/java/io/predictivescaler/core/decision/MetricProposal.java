package io.predictivescaler.core.decision;

/**
 * One metric's replica proposal from {@link ReplicaCalculator}.
 *
 * @param valid false when the metric could not be used this tick
 * @param replicas the proposal (meaningless when invalid)
 * @param loadRatio load over ready capacity, for the burst path
 * @param toleranceHold true when the proposal is the current count because of tolerance
 * @param rule how the proposal was reached
 */
record MetricProposal(
    String metric,
    boolean valid,
    int replicas,
    double loadRatio,
    boolean toleranceHold,
    String rule) {

  static MetricProposal invalid(String metric, String why) {
    return new MetricProposal(metric, false, 0, 0, false, metric + ": " + why);
  }
}
