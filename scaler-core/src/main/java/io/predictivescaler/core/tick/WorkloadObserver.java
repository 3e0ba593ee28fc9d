package io.predictivescaler.core.tick;

import io.predictivescaler.core.config.WorkloadPolicy;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads a workload at a tick: the service reads the Kubernetes API and the collector's windows, a
 * replay reads its simulated cluster. Called on the tick thread; implementations return what they
 * already hold rather than block on the network.
 */
@FunctionalInterface
public interface WorkloadObserver {

  /**
   * The workload as seen at {@code now}, or empty when its target does not exist (yet).
   *
   * @param policy the workload's policy in force
   * @param now the tick time
   */
  Optional<WorkloadObservation> observe(WorkloadPolicy policy, Instant now);
}
