package io.predictivescaler.core.tick;

import io.predictivescaler.core.config.WorkloadPolicy;
import java.time.Instant;
import java.util.List;

/**
 * The real tick loop over one workload of a {@link FakeCluster}: refits inline, every write
 * applied. What the full-loop tests drive tick by tick.
 */
final class OneWorkloadLoop {

  private final FakeCluster cluster;
  private final TickOrchestrator orchestrator;

  OneWorkloadLoop(FakeCluster cluster, WorkloadPolicy policy) {
    this.cluster = cluster;
    this.orchestrator =
        new TickOrchestrator(
            cluster, mode -> cluster, RefitScheduler.inline(), () -> true, TickListener.none());
    orchestrator.applyPolicies(List.of(policy));
  }

  /** Samples the load at {@code now} and ticks: the workload's decision. */
  TickOutcome.Decided tick(Instant now) {
    cluster.now = now;
    cluster.sample(now);
    return (TickOutcome.Decided) orchestrator.tick(now).get(0);
  }
}
