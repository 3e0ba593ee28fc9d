package io.predictivescaler.bench.replay;

import io.predictivescaler.bench.sim.ReplayMetrics;
import java.time.Instant;
import java.util.Objects;

/**
 * How {@code hpa} and {@code predictive} did on one window of a trace replayed on its own, from a
 * cold start.
 *
 * @param start the window's first instant (a UTC midnight)
 * @param end the instant after its last (a UTC midnight)
 * @param hpa the plain HPA's figures over the window
 * @param predictive predictive's figures over the window
 */
public record WindowOutcome(
    Instant start, Instant end, ReplayMetrics hpa, ReplayMetrics predictive) {

  /**
   * Overload minutes predictive may have above hpa's where hpa's are few: see {@link
   * #keptOverload()}.
   */
  public static final double OVERLOAD_ALLOWANCE_MINUTES = 5;

  /** Below this many overload minutes of hpa's, the allowance applies. */
  public static final double FEW_OVERLOAD_MINUTES = 20;

  public WindowOutcome {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(hpa, "hpa");
    Objects.requireNonNull(predictive, "predictive");
  }

  /**
   * The default contract: no more overload than hpa (or at most {@link #OVERLOAD_ALLOWANCE_MINUTES}
   * more where hpa's is under {@link #FEW_OVERLOAD_MINUTES}), and no more replica-hours.
   */
  public boolean keepsContract() {
    return keptOverload() && predictive.replicaHours() <= hpa.replicaHours();
  }

  /** The overload half of {@link #keepsContract()}. */
  public boolean keptOverload() {
    double more = predictive.overloadMinutes() - hpa.overloadMinutes();
    return more <= 0
        || (hpa.overloadMinutes() < FEW_OVERLOAD_MINUTES && more <= OVERLOAD_ALLOWANCE_MINUTES);
  }
}
