package io.predictivescaler.bench.sim;

import java.time.Instant;

/**
 * What a strategy sees at one tick.
 *
 * @param tick index of this tick from the start of the replay (0, 1, 2, ...)
 * @param now the virtual time of this tick
 * @param observedAt the time the observed load was measured: {@code now - metric delay} rounded to
 *     a step; one new sample per tick
 * @param observedLoad the load at {@code observedAt}, or {@code NaN} while no sample exists yet
 *     (the first {@code metric delay} of the replay)
 * @param currentReplicas replicas asked for (Ready or starting)
 * @param readyReplicas replicas Ready and serving
 */
public record TickInput(
    int tick,
    Instant now,
    Instant observedAt,
    double observedLoad,
    int currentReplicas,
    int readyReplicas) {

  /** Whether a metric sample is available. */
  public boolean hasObservation() {
    return !Double.isNaN(observedLoad);
  }
}
