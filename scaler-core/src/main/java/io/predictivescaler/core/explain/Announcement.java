package io.predictivescaler.core.explain;

import io.predictivescaler.core.actuate.ActuationResult;
import io.predictivescaler.core.config.ScalingMode;

/**
 * What to tell SREs about one decision: the Event's type, reason and message.
 *
 * @param warning Event type Warning instead of Normal
 * @param reason the Event reason: a {@link io.predictivescaler.core.decision.ReasonCode#code()}
 * @param message one line
 * @param alwaysEmit true for real changes; false for states that repeat every tick
 * @param key what must differ for a repeat to be announced before the repeat interval
 */
record Announcement(
    boolean warning, String reason, String message, boolean alwaysEmit, String key) {

  /** Null when there is nothing to announce (unchanged). */
  static Announcement of(DecisionRecord decision, ActuationResult actuation) {
    String explanation = decision.explanation().isEmpty() ? "" : ": " + decision.explanation();
    return switch (actuation.outcome()) {
      case APPLIED -> {
        if (!actuation.changedCluster()) {
          yield null;
        }
        String what = decision.mode() == ScalingMode.HPA_FLOOR ? "Raised HPA floor" : "Scaled";
        if (decision.mode() == ScalingMode.HPA_FLOOR
            && actuation.toReplicas() < actuation.fromReplicas()) {
          what = "Lowered HPA floor";
        }
        yield new Announcement(
            false,
            decision.reason().code(),
            what
                + " from "
                + actuation.fromReplicas()
                + " to "
                + actuation.toReplicas()
                + explanation,
            true,
            "applied");
      }
      case DRY_RUN ->
          new Announcement(
              false,
              actuation.reason(),
              "Dry run: would scale from "
                  + actuation.fromReplicas()
                  + " to "
                  + actuation.toReplicas()
                  + explanation,
              false,
              "dry-run:" + actuation.toReplicas());
      case REFUSED ->
          new Announcement(
              true,
              actuation.reason(),
              actuation.message(),
              false,
              "refused:" + actuation.reason());
      case PAUSED ->
          new Announcement(false, actuation.reason(), actuation.message(), false, "paused");
      case FAILED ->
          new Announcement(true, actuation.reason(), actuation.message(), false, "failed");
      case UNCHANGED -> null;
    };
  }
}
