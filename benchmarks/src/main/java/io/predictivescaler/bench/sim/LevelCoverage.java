package io.predictivescaler.bench.sim;

/**
 * How the peak band at one quantile level did over a replay after warm-up.
 *
 * @param level the nominal level, e.g. 0.99
 * @param outcomes lead windows that ended within the replay and had a band at this level
 * @param covered of those, the windows whose actual peak load stayed at or below the band
 * @param chosenTicks ticks at which the counterfactual choice had put this level in force; a level
 *     chosen between two tracked ones counts half a tick to each
 */
public record LevelCoverage(double level, long outcomes, long covered, double chosenTicks) {

  /** Empirical coverage, {@code covered / outcomes}; NaN without outcomes. */
  public double coverage() {
    return outcomes == 0 ? Double.NaN : (double) covered / outcomes;
  }
}
