package io.predictivescaler.core.tick;

import io.predictivescaler.core.config.TargetRef;

/**
 * Receives every tick's outcome per workload: the service turns it into Events, logs and metrics; a
 * replay records it for its report.
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
