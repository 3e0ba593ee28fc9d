package io.predictivescaler.core.actuate;

import io.predictivescaler.core.config.ScalingMode;
import io.predictivescaler.core.config.TargetRef;

/**
 * Makes a replica decision real. Implementations call the Kubernetes API synchronously: run them on
 * a worker pool, never on an event loop. They return a result for every expected condition and do
 * not throw for API failures.
 */
public interface Actuator {

  /** The policy mode this actuator implements. */
  ScalingMode mode();

  /**
   * Brings the workload to {@code desiredReplicas}, writing only when the cluster differs.
   *
   * @param target the scale target
   * @param currentReplicas the count the decision was based on (used when nothing is read back)
   * @param desiredReplicas the count the decision asks for
   */
  ActuationResult apply(TargetRef target, int currentReplicas, int desiredReplicas);

  /**
   * Whether {@link #apply} writes to the cluster, so that only the leader may call it. The dry-run
   * actuator does not: followers in dry-run report the same as the leader.
   */
  default boolean writesToCluster() {
    return true;
  }

  /**
   * Undoes whatever this actuator left on the cluster when the workload leaves the policy (or its
   * mode changes). The default has nothing to undo.
   */
  default ActuationResult release(TargetRef target) {
    return ActuationResult.unchanged(-1);
  }
}
