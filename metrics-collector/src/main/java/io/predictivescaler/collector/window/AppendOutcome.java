package io.predictivescaler.collector.window;

/** What {@link RollingWindow} did with a sample; every rejection names its reason. */
public enum AppendOutcome {
  ACCEPTED("accepted"),
  REJECTED_NAN("nan"),
  REJECTED_INFINITE("infinite"),
  REJECTED_NEGATIVE("negative"),
  /** The sample's slot is older than the newest slot already held. */
  REJECTED_OUT_OF_ORDER("out_of_order"),
  /** The sample is more than one step after {@code now}. */
  REJECTED_FUTURE("future"),
  /** Backfill only: the slot lies before the retained range. */
  REJECTED_TOO_OLD("too_old"),
  /** Backfill only: the slot already holds a value, which backfill never overwrites. */
  REJECTED_SLOT_FILLED("slot_filled");

  private final String reason;

  AppendOutcome(String reason) {
    this.reason = reason;
  }

  public boolean accepted() {
    return this == ACCEPTED;
  }

  /** A short, stable label for metrics ({@code reason="negative"}) and logs. */
  public String reason() {
    return reason;
  }
}
