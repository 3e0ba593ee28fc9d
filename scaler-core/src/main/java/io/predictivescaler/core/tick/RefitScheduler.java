package io.predictivescaler.core.tick;

import io.predictivescaler.core.config.TargetRef;

/**
 * Runs forecaster refits. The service uses a bounded worker pool ({@link BoundedRefitScheduler}); a
 * replay refits inline so that runs are deterministic.
 */
@FunctionalInterface
public interface RefitScheduler {

  /**
   * Runs or queues {@code refit} for {@code target}; may drop it when a refit of the same target is
   * already under way or the pool is saturated (the next due tick asks again).
   */
  void submit(TargetRef target, Runnable refit);

  /** Runs every refit at once on the caller's thread. */
  static RefitScheduler inline() {
    return (target, refit) -> refit.run();
  }
}
