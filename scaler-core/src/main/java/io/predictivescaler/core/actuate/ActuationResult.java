package io.predictivescaler.core.actuate;

import io.predictivescaler.core.decision.ReasonCode;
import java.util.Objects;

/**
 * What an {@link Actuator} did. Expected conditions (paused, refused, API down) are results, never
 * exceptions.
 *
 * @param outcome what happened
 * @param fromReplicas the count (or HPA floor) found before acting; -1 when unknown
 * @param toReplicas the count (or HPA floor) in force after acting; -1 when unknown
 * @param reason a {@link ReasonCode#code()} for dry-run, pauses, refusals and failures, empty
 *     otherwise
 * @param message a one-line human explanation, empty when there is nothing to add
 * @param cause the last API error for {@link ActuationOutcome#FAILED}, null otherwise
 */
public record ActuationResult(
    ActuationOutcome outcome,
    int fromReplicas,
    int toReplicas,
    String reason,
    String message,
    Throwable cause) {

  /** Reason code of a failure after retries, as the HPA spells it. */
  public static final String FAILED_RESCALE = ReasonCode.FAILED_RESCALE.code();

  /** Reason code of a write not attempted because this replica lost the lease (or is stopping). */
  public static final String NOT_LEADER = ReasonCode.NOT_LEADER.code();

  public ActuationResult {
    Objects.requireNonNull(outcome, "outcome");
    reason = reason == null ? "" : reason;
    message = message == null ? "" : message;
  }

  public static ActuationResult applied(int from, int to) {
    return new ActuationResult(ActuationOutcome.APPLIED, from, to, "", "", null);
  }

  public static ActuationResult unchanged(int current) {
    return new ActuationResult(ActuationOutcome.UNCHANGED, current, current, "", "", null);
  }

  public static ActuationResult paused(int current, int wanted) {
    return new ActuationResult(
        ActuationOutcome.PAUSED,
        current,
        current,
        ReasonCode.SCALING_PAUSED.code(),
        "annotation "
            + ScalerAnnotations.PAUSED
            + "=\"true\" is set; would scale from "
            + current
            + " to "
            + wanted,
        null);
  }

  public static ActuationResult refused(RefusalReason reason, String message) {
    return new ActuationResult(ActuationOutcome.REFUSED, -1, -1, reason.code(), message, null);
  }

  public static ActuationResult failed(String message, Throwable cause) {
    return new ActuationResult(ActuationOutcome.FAILED, -1, -1, FAILED_RESCALE, message, cause);
  }

  /**
   * The write was fenced off: this replica stopped leading (or started shutting down) before it.
   * Nothing was written, so the outcome is {@link ActuationOutcome#UNCHANGED}, with reason {@value
   * #NOT_LEADER}.
   */
  public static ActuationResult fenced(int current, int wanted) {
    return new ActuationResult(
        ActuationOutcome.UNCHANGED,
        current,
        current,
        NOT_LEADER,
        "not leading any more; did not write " + wanted + " (the new leader decides)",
        null);
  }

  public static ActuationResult dryRun(int from, int to) {
    return new ActuationResult(
        ActuationOutcome.DRY_RUN,
        from,
        to,
        ReasonCode.DRY_RUN.code(),
        "dry-run: would scale from " + from + " to " + to,
        null);
  }

  /** True when the cluster now runs a different count (or floor) than before. */
  public boolean changedCluster() {
    return outcome == ActuationOutcome.APPLIED && fromReplicas != toReplicas;
  }
}
