package io.predictivescaler.core.decision;

import java.util.Objects;

/**
 * What one stage did: its trace entry and, where the stage set the count (limited, held or raised
 * it), its reason and the message that explains it, as each step of horizontal.go returns {@code
 * replicas, reason, message}. The decision reports the reason of the last stage that set one.
 *
 * @param trace the stage's entry in the decision's trace
 * @param reason the reason when this stage set the count; null when it passed the count on
 * @param message the rule users read with the reason; null with it
 */
record StageResult(StageTrace trace, ReasonCode reason, String message) {

  StageResult {
    Objects.requireNonNull(trace, "trace");
    if ((reason == null) != (message == null)) {
      throw new IllegalArgumentException(
          "stage " + trace.stage() + " needs both a reason and a message, or neither");
    }
  }

  /** The stage passed the count on without setting it. */
  static StageResult passed(StageTrace trace) {
    return new StageResult(trace, null, null);
  }

  /** The stage set the count, for {@code reason}, explained by {@code message}. */
  static StageResult set(StageTrace trace, ReasonCode reason, String message) {
    return new StageResult(trace, reason, message);
  }

  /** The stage set the count, and its trace rule is the message. */
  static StageResult set(StageTrace trace, ReasonCode reason) {
    return new StageResult(trace, reason, trace.rule());
  }

  int replicas() {
    return trace.out();
  }

  boolean setsReason() {
    return reason != null;
  }
}
