package io.predictivescaler.bench.strategy;

import io.predictivescaler.bench.sim.Decision;
import io.predictivescaler.bench.sim.ScalingStrategy;
import io.predictivescaler.bench.sim.TickInput;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.decision.DecisionInput;
import io.predictivescaler.core.decision.DecisionPipeline;
import io.predictivescaler.core.decision.DecisionState;
import io.predictivescaler.core.decision.MetricInput;
import io.predictivescaler.core.decision.ScalingPolicy;
import io.predictivescaler.core.decision.TotalMetric;
import io.predictivescaler.core.decision.UnavailableMetric;
import java.util.List;
import java.util.Map;

/**
 * A plain Kubernetes HPA: the decision pipeline with no forecast and the HPA's default behavior and
 * tolerance, at the {@code --hpa-utilization} target, within the policy's replica range.
 */
public final class HpaStrategy implements ScalingStrategy {

  private static final DecisionPipeline PIPELINE = new DecisionPipeline();

  private final ScalingPolicy policy;
  private final double targetPerReplica;
  private DecisionState state = DecisionState.initial();

  public HpaStrategy(StrategyContext context) {
    WorkloadPolicy workload = ReplayPolicy.forStrategy(context);
    this.policy = ScalingPolicy.hpaDefaults(workload.minReplicas(), workload.maxReplicas());
    this.targetPerReplica = context.targetLoadPerReplica();
  }

  @Override
  public Decision decide(TickInput tick) {
    MetricInput metric =
        tick.hasObservation()
            ? TotalMetric.averageValue(ReplayPolicy.QUERY, targetPerReplica, tick.observedLoad())
            : new UnavailableMetric(ReplayPolicy.QUERY, "no sample yet");
    var decision =
        PIPELINE.decide(
            new DecisionInput(
                tick.now(),
                tick.currentReplicas(),
                tick.readyReplicas(),
                List.of(metric),
                Map.of(),
                policy,
                state));
    state = decision.nextState(true);
    return Decision.of(decision.replicas(), decision.reason().code());
  }
}
