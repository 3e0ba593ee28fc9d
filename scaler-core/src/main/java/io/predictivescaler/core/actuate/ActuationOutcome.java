package io.predictivescaler.core.actuate;

import java.util.Locale;

/** The closed set of things an actuation can end in. */
public enum ActuationOutcome {
  /** The new count (or HPA floor) was written. */
  APPLIED,
  /** The cluster already had the wanted count; nothing was written. */
  UNCHANGED,
  /** The target carries {@code predictive-scaler.io/paused: "true"}; nothing was written. */
  PAUSED,
  /** The scaler will not act on this workload; {@link ActuationResult#reason()} says why. */
  REFUSED,
  /** The API failed after retries; {@link ActuationResult#cause()} holds the error. */
  FAILED,
  /** Dry-run mode: what would have been written, without writing it. */
  DRY_RUN;

  /** The lower-case name used in logs, annotations and JSON. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
