package io.predictivescaler.bench.sim;

/**
 * Test double: asks for exactly the replicas the observed load needs at full capacity, keeping the
 * current count while no sample exists. Not a model of the HPA.
 */
public final class ReactiveTestStrategy implements ScalingStrategy {

  private final double capacity;

  public ReactiveTestStrategy(double capacity) {
    this.capacity = capacity;
  }

  @Override
  public Decision decide(TickInput tick) {
    if (!tick.hasObservation()) {
      return Decision.of(tick.currentReplicas(), "NoSample");
    }
    return Decision.of(
        Math.max(1, Scenario.replicasFor(tick.observedLoad(), capacity)), "Observed");
  }
}
