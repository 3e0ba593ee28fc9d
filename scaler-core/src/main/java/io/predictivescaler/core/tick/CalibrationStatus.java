package io.predictivescaler.core.tick;

import io.predictivescaler.core.counterfactual.BiasFactors;
import io.predictivescaler.core.counterfactual.CounterfactualChoice;
import io.predictivescaler.core.counterfactual.RiskChooser;
import io.predictivescaler.forecast.peak.PeakBand;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a tick's forecast calibration knew: the calibrated peak band at every tracked level, and the
 * counterfactual choice in force (which level, or the plain HPA, runs the workload).
 *
 * @param band the peak band over the lead window at every tracked level
 * @param choice the latest re-pick; null before the first one
 * @param replayed the history the choice has replayed since it last started afresh (after a start
 *     or a policy change), unfaded
 * @param correction how the choice's figures were corrected by what really ran
 * @param chosenAt when the choice in force was made; null before the first one
 * @param savedReplicaHours replica-hours the workload ran below the plain HPA run beside it (the
 *     shadow) since the choice last started afresh, up to the latest tick; negative when it ran
 *     above; 0 without a shadow
 */
public record CalibrationStatus(
    PeakBand band,
    CounterfactualChoice choice,
    Duration replayed,
    BiasFactors correction,
    Instant chosenAt,
    double savedReplicaHours) {

  public CalibrationStatus {
    Objects.requireNonNull(band, "band");
    Objects.requireNonNull(replayed, "replayed");
    Objects.requireNonNull(correction, "correction");
    if (!Double.isFinite(savedReplicaHours)) {
      throw new IllegalArgumentException(
          "savedReplicaHours must be finite, got " + savedReplicaHours);
    }
  }

  /** A status whose figures were used as the model gave them, with no time of choice. */
  public CalibrationStatus(PeakBand band, CounterfactualChoice choice, Duration replayed) {
    this(band, choice, replayed, BiasFactors.NONE, null, 0);
  }

  /** When the choice will be re-made: null before the first choice or without its time. */
  public Instant nextRepickAt() {
    return chosenAt == null ? null : chosenAt.plus(RiskChooser.REPICK_INTERVAL);
  }

  /**
   * True while the choice rests on less than a day of replayed history: whatever candidate was
   * chosen, the band then only adds to what the HPA at the reactive target asks for, and only while
   * the model beats the naive baselines (else the plain HPA runs).
   */
  public boolean proving() {
    return replayed.compareTo(ForecastCalibration.PROVING_SPAN) < 0;
  }

  /**
   * Where the band's reactive part is read, as a share of the way from the HPA's target (0) to the
   * predictive one (1): the chosen candidate's once a day is replayed, the HPA's before that and
   * before the first choice.
   */
  public double reactiveShare() {
    return proving() || choice == null ? 0 : choice.reactiveShare();
  }

  /**
   * The quantile level the counterfactual choice put in force at the band's newest load (a split
   * candidate's busy or quiet level): NaN before the first choice, 0 when it chose the plain HPA.
   */
  public double chosenLevel() {
    if (choice == null) {
      return Double.NaN;
    }
    return choice.hpaChosen() ? 0 : choice.levelAt(band.last());
  }

  /**
   * The band's recent coverage at the chosen level, in [0, 1]; NaN before the first choice, when
   * the plain HPA was chosen, or when the band has no levels yet.
   */
  public double chosenCoverage() {
    if (choice == null || choice.hpaChosen()) {
      return Double.NaN;
    }
    return band.coverageAt(chosenLevel());
  }
}
