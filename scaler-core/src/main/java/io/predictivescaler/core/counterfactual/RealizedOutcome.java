package io.predictivescaler.core.counterfactual;

/**
 * What really ran over some hours, beside what a plain HPA run alongside on the same load (the
 * shadow) had, in the terms a counterfactual replay scores.
 *
 * @param overloadMinutes minutes of load above what was Ready to serve it
 * @param replicaHours the integral of replicas
 * @param shadowOverloadMinutes the same for the shadow HPA
 * @param shadowReplicaHours the same for the shadow HPA
 */
public record RealizedOutcome(
    double overloadMinutes,
    double replicaHours,
    double shadowOverloadMinutes,
    double shadowReplicaHours) {

  public static final RealizedOutcome NONE = new RealizedOutcome(0, 0, 0, 0);

  public RealizedOutcome {
    if (!(overloadMinutes >= 0)
        || !(replicaHours >= 0)
        || !(shadowOverloadMinutes >= 0)
        || !(shadowReplicaHours >= 0)
        || Double.isInfinite(overloadMinutes + replicaHours)
        || Double.isInfinite(shadowOverloadMinutes + shadowReplicaHours)) {
      throw new IllegalArgumentException(
          "realized figures must be finite and >= 0, got "
              + overloadMinutes
              + ", "
              + replicaHours
              + ", "
              + shadowOverloadMinutes
              + ", "
              + shadowReplicaHours);
    }
  }
}
