package io.predictivescaler.core.tick;

import io.predictivescaler.core.config.TargetRef;

/**
 * Receives every tick's outcome per workload: the service turns it into Events, logs and metrics; a
 * replay records it for its report. Called on the thread that ran the tick: in the service, the
 * ticks of different workloads run on different threads at once, but two calls for one workload
 * never overlap.
 */
@FunctionalInterface
public interface TickListener {

  void onTick(TickOutcome outcome);

  /** The workload left the policy: drop whatever is kept for it. */
  default void onRemoved(TargetRef target) {}

  /** A listener that ignores everything. */
  static TickListener none() {
    return outcome -> {};
  }
}
