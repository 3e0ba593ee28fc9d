package io.predictivescaler.core.decision;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one tick, in the HPA's shape: the replica count, the reason and the message of the
 * stage that set it (horizontal.go's {@code replicas, reason, message}), the trace of every stage,
 * and the state for the next tick.
 */
public final class Decision {

  private final int replicas;
  private final int currentReplicas;
  private final ReasonCode reason;
  private final String message;
  private final List<StageTrace> trace;
  private final Instant at;
  private final DecisionState stateWithoutScale;

  /**
   * @param replicas the replica count to apply
   * @param currentReplicas the count the decision started from
   * @param reason the reason of the stage that set the count, see docs/DECISIONS.md
   * @param message that stage's rule, for humans
   * @param trace every stage that ran, in order
   * @param at the tick time
   * @param stateWithoutScale the next state as long as no scale is applied: the recommendation
   *     recorded, old entries dropped
   */
  Decision(
      int replicas,
      int currentReplicas,
      ReasonCode reason,
      String message,
      List<StageTrace> trace,
      Instant at,
      DecisionState stateWithoutScale) {
    this.replicas = replicas;
    this.currentReplicas = currentReplicas;
    this.reason = Objects.requireNonNull(reason, "reason");
    this.message = Objects.requireNonNull(message, "message");
    this.trace = List.copyOf(trace);
    this.at = Objects.requireNonNull(at, "at");
    this.stateWithoutScale = Objects.requireNonNull(stateWithoutScale, "stateWithoutScale");
  }

  /** The replica count to apply. */
  public int replicas() {
    return replicas;
  }

  /** The count the decision started from. */
  public int currentReplicas() {
    return currentReplicas;
  }

  /** The reason of the stage that set the count. */
  public ReasonCode reason() {
    return reason;
  }

  /** The rule of the stage that set the count, e.g. "scale-up policies ... allow up to 8". */
  public String message() {
    return message;
  }

  /** One line for humans, e.g. {@code 4 -> 8: ScaleUpLimit, scale-up policies ...}. */
  public String explanation() {
    return currentReplicas + " -> " + replicas + ": " + reason.code() + ", " + message;
  }

  /** Every stage that ran, in order. */
  public List<StageTrace> trace() {
    return trace;
  }

  /** Whether applying the decision changes the replica count. */
  public boolean changesReplicas() {
    return replicas != currentReplicas;
  }

  /** The trace entry of a stage, if that stage ran. */
  public Optional<StageTrace> stage(String name) {
    for (StageTrace entry : trace) {
      if (entry.stage().equals(name)) {
        return Optional.of(entry);
      }
    }
    return Optional.empty();
  }

  /**
   * The state for the next tick. The recommendation is kept either way; the change of replicas
   * counts as a scale event for the rate policies only when it was {@code applied} (not in dry-run,
   * on a follower, or when the scale call failed or was refused).
   */
  public DecisionState nextState(boolean applied) {
    return applied && changesReplicas()
        ? stateWithoutScale.withScaleEvent(at.toEpochMilli(), replicas - currentReplicas)
        : stateWithoutScale;
  }

  @Override
  public String toString() {
    return "Decision[" + explanation() + ", trace=" + trace + "]";
  }
}
