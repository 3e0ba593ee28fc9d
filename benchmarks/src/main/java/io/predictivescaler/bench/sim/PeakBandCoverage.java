package io.predictivescaler.bench.sim;

import java.util.List;

/**
 * The calibration of a strategy's peak bands over a replay, after warm-up (the ticks whose bands
 * were calibrated): the empirical coverage of each level, and which level the counterfactual choice
 * put in force how often.
 *
 * @param ticks ticks with calibrated bands
 * @param hpaTicks of those, ticks at which the choice was the plain HPA
 * @param unchosenTicks of those, ticks before the first choice
 * @param levels one entry per tracked level, ascending
 */
public record PeakBandCoverage(
    long ticks, long hpaTicks, long unchosenTicks, List<LevelCoverage> levels) {

  public PeakBandCoverage {
    levels = List.copyOf(levels);
  }

  /** Share of {@link #ticks} a level was in force: the level's {@code chosenTicks / ticks}. */
  public double chosenShare(LevelCoverage level) {
    return share(level.chosenTicks());
  }

  public double hpaShare() {
    return share(hpaTicks);
  }

  public double unchosenShare() {
    return share(unchosenTicks);
  }

  private double share(double count) {
    return ticks == 0 ? Double.NaN : count / ticks;
  }
}
