package io.predictivescaler.core.decision;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one tick.
 *
 * @param replicas the replica count to apply
 * @param currentReplicas the count the decision started from
 * @param reason the main reason, see docs/DECISIONS.md
 * @param explanation one line for humans, e.g. {@code 4 -> 8: ScaleUpLimit ...}
 * @param trace every stage that ran, in order
 * @param nextState the state for the next tick once {@code replicas} is applied
 * @param nextStateIfNotApplied the state for the next tick when it is not applied (dry-run, a
 *     failed scale call, a follower replica): the recommendation is kept, no scale event is
 */
public record Decision(
    int replicas,
    int currentReplicas,
    ReasonCode reason,
    String explanation,
    List<StageTrace> trace,
    DecisionState nextState,
    DecisionState nextStateIfNotApplied) {

  public Decision {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(explanation, "explanation");
    Objects.requireNonNull(nextState, "nextState");
    Objects.requireNonNull(nextStateIfNotApplied, "nextStateIfNotApplied");
    trace = List.copyOf(trace);
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
   * The same decision recorded as not applied because the workload is in dry-run mode: reason
   * {@link ReasonCode#DRY_RUN}, the would-be reason kept in the explanation, and the state that
   * does not count a scale event.
   */
  public Decision asDryRun() {
    return new Decision(
        replicas,
        currentReplicas,
        ReasonCode.DRY_RUN,
        "dry-run, not applied: " + explanation,
        trace,
        nextStateIfNotApplied,
        nextStateIfNotApplied);
  }
}
