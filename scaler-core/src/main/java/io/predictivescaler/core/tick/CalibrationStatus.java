package io.predictivescaler.core.tick;

import io.predictivescaler.core.counterfactual.CounterfactualChoice;
import io.predictivescaler.forecast.peak.PeakBand;
import java.util.Objects;

/**
 * What a tick's forecast calibration knew: the calibrated peak band at every tracked level, and the
 * counterfactual choice in force (which level, or the plain HPA, runs the workload).
 *
 * @param band the peak band over the lead window at every tracked level
 * @param choice the latest re-pick; null before the first one
 */
public record CalibrationStatus(PeakBand band, CounterfactualChoice choice) {

  public CalibrationStatus {
    Objects.requireNonNull(band, "band");
  }

  /**
   * The quantile level the counterfactual choice put in force: NaN before the first choice, 0 when
   * it chose the plain HPA.
   */
  public double chosenLevel() {
    if (choice == null) {
      return Double.NaN;
    }
    return choice.hpaChosen() ? 0 : choice.level();
  }

  /**
   * The band's recent coverage at the chosen level, in [0, 1]; NaN before the first choice, when
   * the plain HPA was chosen, or when the band has no levels yet.
   */
  public double chosenCoverage() {
    if (choice == null || choice.hpaChosen()) {
      return Double.NaN;
    }
    return band.coverageAt(choice.level());
  }
}
