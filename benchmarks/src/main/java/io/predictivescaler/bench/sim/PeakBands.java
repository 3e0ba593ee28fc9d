package io.predictivescaler.bench.sim;

import java.time.Instant;
import java.util.Objects;

/**
 * The calibrated peak bands one tick sized capacity from: at each quantile level, the load that the
 * peak over the lead window {@code (from, to]} should stay within; and the level the counterfactual
 * choice had put in force. The report scores every level against the actual peak.
 *
 * @param from start of the lead window (exclusive): the newest sample the tick saw
 * @param to end of the lead window (inclusive)
 * @param levels the quantile levels, ascending
 * @param bands the peak band at each level
 * @param chosenLevel the level in force; 0 when the choice was the plain HPA, NaN before the first
 *     choice
 * @param chosenCandidate the name of the candidate in force ({@code q0.9/r0.5}, {@code q0.8|q0.95},
 *     {@code hpa}, ...); null before the first choice
 */
public record PeakBands(
    Instant from,
    Instant to,
    double[] levels,
    double[] bands,
    double chosenLevel,
    String chosenCandidate) {

  public PeakBands {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(levels, "levels");
    Objects.requireNonNull(bands, "bands");
    if (levels.length != bands.length) {
      throw new IllegalArgumentException(
          "bands must have one value per level: " + levels.length + " levels, " + bands.length);
    }
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("lead window ends (" + to + ") before " + from);
    }
  }
}
