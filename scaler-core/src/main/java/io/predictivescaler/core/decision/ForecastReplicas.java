package io.predictivescaler.core.decision;

/**
 * The replicas a forecast load needs, rounded as the decision pipeline rounds it: loads a hair
 * above a whole number of replicas (float rounding of the window's samples) do not ask for one
 * more. Whatever estimates what a forecast will ask for outside the pipeline uses this too, so that
 * the estimate and the decision agree.
 */
public final class ForecastReplicas {

  /** Forecast loads a hair above a whole number of replicas do not round up to one more. */
  private static final double CEIL_EPSILON = 1e-9;

  private ForecastReplicas() {}

  /** Replicas {@code load} needs at {@code perReplica} each; 0 for no load. */
  public static int needed(double load, double perReplica) {
    return ReplicaCalculator.ceil(load / perReplica - CEIL_EPSILON);
  }
}
