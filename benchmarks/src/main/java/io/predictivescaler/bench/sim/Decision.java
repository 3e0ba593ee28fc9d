package io.predictivescaler.bench.sim;

import java.util.Objects;

/**
 * A strategy's answer for one tick.
 *
 * @param replicas desired replicas, >= 0
 * @param reason a stable reason code (HPA vocabulary where it fits, e.g. {@code
 *     ScaleDownStabilized}), counted in the report
 * @param forecast the forecast the decision used, or {@code null} when it used none
 * @param peakBands the calibrated peak bands of the tick, or {@code null} when it had none (or they
 *     were not calibrated yet)
 */
public record Decision(int replicas, String reason, Forecast forecast, PeakBands peakBands) {

  public Decision {
    Objects.requireNonNull(reason, "reason");
    if (replicas < 0) {
      throw new IllegalArgumentException("replicas must be >= 0, got " + replicas);
    }
  }

  /** A decision without peak bands. */
  public Decision(int replicas, String reason, Forecast forecast) {
    this(replicas, reason, forecast, null);
  }

  /** A decision without a forecast. */
  public static Decision of(int replicas, String reason) {
    return new Decision(replicas, reason, null, null);
  }
}
