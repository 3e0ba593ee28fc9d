package io.predictivescaler.core.decision;

/**
 * The replicas the HPA's rule asks for a total metric at its target, {@code ceil(value / target)},
 * rounded as the reactive stage rounds it. Whatever models the reactive stage outside the pipeline
 * uses this too, so that the model and the decision agree.
 */
public final class TotalReplicas {

  private TotalReplicas() {}

  /** Replicas {@code value} needs at {@code target} per replica; 0 for no load. */
  public static int needed(double value, double target) {
    return ReplicaCalculator.ceil(value / target);
  }
}
