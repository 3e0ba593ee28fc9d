package io.predictivescaler.core.decision;

import java.util.List;

/**
 * Stage 1: the HPA's recommendation over all metrics (horizontal.go {@code
 * computeReplicasForMetrics}): the highest proposal wins; invalid metrics block a scale-down but
 * not a scale-up.
 */
final class ReactiveStage {

  /**
   * @param available false when no decision can be made from the metrics this tick
   * @param loadRatio the highest load over ready capacity among valid metrics
   */
  record Result(
      boolean available, int replicas, boolean toleranceHold, double loadRatio, String rule) {

    /**
     * The stage's own reason: the count stays when no metric can be used (MetricsUnavailable) or
     * the winning metric is within tolerance (WithinTolerance); otherwise the HPA's
     * DesiredWithinRange, which a later stage may override.
     */
    StageResult result(int current) {
      StageTrace trace = new StageTrace(StageTrace.REACTIVE, current, replicas, rule);
      if (!available) {
        return StageResult.set(trace, ReasonCode.METRICS_UNAVAILABLE);
      }
      return StageResult.set(
          trace, toleranceHold ? ReasonCode.WITHIN_TOLERANCE : ReasonCode.DESIRED_WITHIN_RANGE);
    }
  }

  private ReactiveStage() {}

  /** Runs the HPA's recommendation over {@code metrics}, each at the target the caller chose. */
  static Result run(DecisionInput input, List<MetricInput> metrics) {
    int current = input.currentReplicas();
    MetricProposal best = null;
    String firstInvalid = null;
    int invalid = 0;
    double loadRatio = 0;
    for (MetricInput metric : metrics) {
      MetricProposal proposal =
          ReplicaCalculator.propose(
              metric, current, input.readyReplicas(), input.policy().tolerance());
      if (!proposal.valid()) {
        if (firstInvalid == null) {
          firstInvalid = proposal.rule();
        }
        invalid++;
        continue;
      }
      if (best == null || proposal.replicas() > best.replicas()) {
        best = proposal;
      }
      loadRatio = Math.max(loadRatio, proposal.loadRatio());
    }
    if (best == null) {
      String why =
          metrics.isEmpty()
              ? "no metrics configured"
              : "all " + metrics.size() + " metrics invalid, first: " + firstInvalid;
      return new Result(false, current, false, 0, why + "; keep " + current);
    }
    if (invalid > 0 && best.replicas() < current) {
      return new Result(
          false,
          current,
          false,
          loadRatio,
          invalid
              + " of "
              + metrics.size()
              + " metrics invalid (first: "
              + firstInvalid
              + ") and the rest would scale down to "
              + best.replicas()
              + "; keep "
              + current);
    }
    String rule = best.rule();
    if (metrics.size() > 1) {
      rule += "; highest of " + (metrics.size() - invalid) + " valid metrics";
    }
    if (invalid > 0) {
      rule +=
          "; " + invalid + " invalid metrics ignored on a scale-up (first: " + firstInvalid + ")";
    }
    return new Result(true, best.replicas(), best.toleranceHold(), loadRatio, rule);
  }
}
