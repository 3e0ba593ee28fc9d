package io.predictivescaler.bench.sim;

import io.predictivescaler.forecast.peak.PeakBand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scores each tick's peak bands against the scenario's actual load as the replay goes: the whole
 * load is known to the simulator (never to the strategy), so a lead window is scored as soon as the
 * bands for it are given. Windows that end after the scenario are not scored.
 */
final class PeakBandTally {

  private final Scenario scenario;
  private double[] levels;
  private long[] outcomes;
  private long[] covered;
  private double[] chosen;
  private long ticks;
  private long hpaTicks;
  private long unchosenTicks;

  PeakBandTally(Scenario scenario) {
    this.scenario = scenario;
  }

  void record(PeakBands bands) {
    if (levels == null) {
      levels = bands.levels().clone();
      outcomes = new long[levels.length];
      covered = new long[levels.length];
      chosen = new double[levels.length];
    } else if (!Arrays.equals(levels, bands.levels())) {
      throw new IllegalStateException(
          "the tracked levels changed during the replay: "
              + Arrays.toString(levels)
              + " then "
              + Arrays.toString(bands.levels()));
    }
    ticks++;
    countChoice(bands.chosenLevel());
    double peak = actualPeak(bands);
    if (Double.isNaN(peak)) {
      return;
    }
    for (int l = 0; l < levels.length; l++) {
      outcomes[l]++;
      if (PeakBand.holds(peak, bands.bands()[l])) {
        covered[l]++;
      }
    }
  }

  /** Null when no tick gave bands. */
  PeakBandCoverage result() {
    if (levels == null) {
      return null;
    }
    List<LevelCoverage> perLevel = new ArrayList<>(levels.length);
    for (int l = 0; l < levels.length; l++) {
      perLevel.add(new LevelCoverage(levels[l], outcomes[l], covered[l], chosen[l]));
    }
    return new PeakBandCoverage(ticks, hpaTicks, unchosenTicks, perLevel);
  }

  private void countChoice(double level) {
    if (Double.isNaN(level)) {
      unchosenTicks++;
      return;
    }
    if (level == 0) {
      hpaTicks++;
      return;
    }
    for (int l = 0; l < levels.length; l++) {
      if (levels[l] == level) {
        chosen[l]++;
        return;
      }
      if (l > 0 && levels[l - 1] < level && level < levels[l]) {
        chosen[l - 1] += 0.5;
        chosen[l] += 0.5;
        return;
      }
    }
    throw new IllegalStateException(
        "chosen level " + level + " is none of " + Arrays.toString(levels));
  }

  /**
   * Highest load over the window {@code (from, to]} of the strategy's history; NaN when the window
   * is empty or not over. The history labels each sample with its time rounded down to the step
   * (the service's window does), so a tick belongs to the window when its rounded time does: on a
   * trace that starts off that grid (twitter's starts at :53) the window's ticks are each one step
   * later than their labels, and reading the labels as tick times scored the newest sample the band
   * was measured from instead of the window's last point (q0.5 read 43.9 % where the calibration's
   * own outcomes covered 50.0 %).
   */
  private double actualPeak(PeakBands bands) {
    long start = scenario.start().getEpochSecond();
    long step = scenario.stepSeconds();
    // tick k is labeled floor(t_k / step) * step; it is in (from, to] iff from + step <= t_k <
    // to + step, for from and to on the grid
    long first = -Math.floorDiv(-(bands.from().getEpochSecond() + step - start), step);
    long last = -Math.floorDiv(-(bands.to().getEpochSecond() + step - start), step) - 1;
    double[] load = scenario.load();
    if (last >= load.length || last < Math.max(0, first)) {
      return Double.NaN;
    }
    double peak = Double.NEGATIVE_INFINITY;
    for (long t = Math.max(0, first); t <= last; t++) {
      peak = Math.max(peak, load[(int) t]);
    }
    return peak;
  }
}
