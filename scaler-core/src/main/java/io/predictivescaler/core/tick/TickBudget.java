package io.predictivescaler.core.tick;

/**
 * What a workload's tick learns of its time. It announces each phase as it enters it and asks once,
 * with its decision made and before it actuates, whether it may still act on it. The service's
 * dispatcher says no once the workload's time budget has run out: a decision computed that late is
 * discarded, never actuated. Replays and tests run {@link #unlimited()}.
 */
@FunctionalInterface
public interface TickBudget {

  /**
   * Called once per tick, after deciding and before actuating: false discards the decision (nothing
   * is actuated, the decision state stays as it was) and the tick is skipped with {@code
   * TickDeadlineExceeded}.
   */
  boolean mayCommit();

  /** The tick enters {@code phase}. */
  default void entering(TickPhase phase) {}

  /** No limit: every decision is acted on. */
  static TickBudget unlimited() {
    return () -> true;
  }
}
