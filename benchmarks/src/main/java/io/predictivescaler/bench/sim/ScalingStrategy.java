package io.predictivescaler.bench.sim;

/**
 * A scaler under test. The simulator calls {@link #decide} once per tick, in tick order, and
 * applies the answer at once: new pods are Ready after the start-up delay, removed pods go at once.
 *
 * <p>Implementations keep whatever state they need (windows, stabilization history) between calls;
 * each replay creates a fresh instance. They must take time only from {@link TickInput#now()}.
 */
@FunctionalInterface
public interface ScalingStrategy {

  /** The replicas wanted from this tick on, why, and the forecast used if any. */
  Decision decide(TickInput tick);
}
