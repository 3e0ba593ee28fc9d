package io.predictivescaler.core.tick;

import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.decision.ReasonCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One workload's tick, claimed by {@link TickOrchestrator#claimDue}: until it is completed or
 * abandoned, it alone may touch the workload's state, and the workload is neither claimed again nor
 * given a new policy. {@link #run} does the work on the calling thread, at most once; the outcome
 * is then reported with {@link #complete}, which hands the workload back.
 *
 * <p>{@link #skipped} and {@link #reportSkip} touch no workload state: a dispatcher may call them
 * from another thread while the tick runs, to report it overdue, without ever waiting for the tick.
 * Reports of one workload never overlap.
 */
public final class WorkloadTick {

  private final TickOrchestrator orchestrator;
  private final WorkloadLoop loop;
  private final WorkloadPolicy policy;
  private final Instant now;
  private final Instant nextDue;
  private final Duration leadTime;
  private final AtomicBoolean started = new AtomicBoolean();
  private final ReentrantLock reporting = new ReentrantLock();
  private final Queue<TickOutcome.Skipped> skips = new ConcurrentLinkedQueue<>();
  private volatile boolean finished;

  WorkloadTick(
      TickOrchestrator orchestrator,
      WorkloadLoop loop,
      Instant now,
      Instant nextDue,
      Duration leadTime) {
    this.orchestrator = orchestrator;
    this.loop = loop;
    this.policy = loop.policy();
    this.now = now;
    this.nextDue = nextDue;
    this.leadTime = leadTime;
  }

  /** The policy the tick runs under. */
  public WorkloadPolicy policy() {
    return policy;
  }

  public TargetRef target() {
    return policy.target();
  }

  /** The tick time. */
  public Instant now() {
    return now;
  }

  /** When the workload's next step comes round. */
  public Instant nextDue() {
    return nextDue;
  }

  /**
   * Observes, forecasts, decides and, when {@code budget} still allows, actuates; returns the
   * outcome without reporting it. Never throws for a failure of the workload's own tick (that is a
   * {@code TickFailed} outcome).
   *
   * @throws IllegalStateException when the tick already ran or was abandoned
   */
  public TickOutcome run(TickBudget budget) {
    Objects.requireNonNull(budget, "budget");
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("the tick of " + target() + " at " + now + " already ran");
    }
    return orchestrator.tickOne(loop, now, budget);
  }

  /**
   * A skipped outcome of this workload at {@code at}, with the policy and lead time of this tick;
   * reads no workload state, so any thread may build it.
   */
  public TickOutcome.Skipped skipped(Instant at, ReasonCode reason, String message) {
    return new TickOutcome.Skipped(policy, at, leadTime, reason, message);
  }

  /**
   * Hands a skip of this workload to the listener and the ops API without waiting: at once, or,
   * while the tick is recording its own outcome (an Event write can be slow), right after it.
   */
  public void reportSkip(TickOutcome.Skipped skipped) {
    skips.add(Objects.requireNonNull(skipped, "skipped"));
    publishSkips();
  }

  /**
   * Ends the tick: reports {@code outcome} (none when null: a late result whose skip was reported
   * already), then hands the workload back for its next step.
   */
  public void complete(TickOutcome outcome) {
    reporting.lock();
    try {
      if (outcome != null) {
        orchestrator.publish(outcome);
      }
    } finally {
      reporting.unlock();
      publishSkips();
      finished = true;
    }
  }

  /** Publishes the queued skips unless someone else is reporting; they then publish them. */
  private void publishSkips() {
    while (!skips.isEmpty() && reporting.tryLock()) {
      try {
        for (TickOutcome.Skipped next = skips.poll(); next != null; next = skips.poll()) {
          orchestrator.publish(next);
        }
      } finally {
        reporting.unlock();
      }
    }
  }

  /**
   * Hands the workload back without running the tick (it waited too long to start).
   *
   * @throws IllegalStateException when the tick already started
   */
  public void abandon() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("the tick of " + target() + " at " + now + " has started");
    }
    finished = true;
  }

  /** Whether the workload has been handed back. */
  public boolean finished() {
    return finished;
  }

  @Override
  public String toString() {
    return "tick of " + target() + " at " + now;
  }
}
