package io.predictivescaler.core.tick;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * The replicas of a plain HPA run beside the workload on the same load since the loop started: what
 * the HPA it replaces would have had now. Its scale-ups become Ready after the start-up time the
 * workload measures, its scale-downs act at once and remove pods still starting first, as a
 * Deployment does. It is what the counterfactual replay's figures for the HPA are checked against
 * ({@code OutcomeLedger}). Pure: time is the caller's.
 */
final class ShadowCluster {

  private record Starting(Instant readyAt, int count) {}

  private final ArrayDeque<Starting> starting = new ArrayDeque<>();
  private int replicas = -1;
  private int ready;

  /**
   * The shadow's replicas at {@code now}; on the first call it starts with the workload's replicas,
   * all Ready (when it started them is not known).
   */
  ReplicaCounts at(Instant now, int workloadReplicas) {
    if (replicas < 0) {
      replicas = workloadReplicas;
      ready = workloadReplicas;
    }
    while (!starting.isEmpty() && !starting.peekFirst().readyAt().isAfter(now)) {
      ready += starting.pollFirst().count();
    }
    return new ReplicaCounts(replicas, ready);
  }

  /** Scales the shadow as a plain HPA decided at {@code now}, before the next {@link #at}. */
  void scaleTo(Instant now, int desired, Duration startup) {
    if (replicas < 0) {
      throw new IllegalStateException("the shadow has not started: call at() first");
    }
    if (desired > replicas) {
      starting.addLast(new Starting(now.plus(startup), desired - replicas));
    } else if (desired < replicas) {
      int remove = replicas - desired;
      while (remove > 0 && !starting.isEmpty()) {
        Starting newest = starting.pollLast();
        int take = Math.min(remove, newest.count());
        remove -= take;
        if (newest.count() > take) {
          starting.addLast(new Starting(newest.readyAt(), newest.count() - take));
        }
      }
      ready -= remove;
    }
    replicas = desired;
  }
}
