package io.predictivescaler.core.service;

import io.predictivescaler.core.tick.TickBudget;
import io.predictivescaler.core.tick.TickOutcome;
import io.predictivescaler.core.tick.TickPhase;
import io.predictivescaler.core.tick.WorkloadTick;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * One workload's tick as {@link TickDispatcher} tracks it: its deadline, the phase it is in, and
 * who reports its outcome. Exactly one of the worker (with the tick's own outcome) and the
 * dispatcher's sweep (with a {@code TickDeadlineExceeded} skip) reports it, decided by one state
 * change: a tick that committed to its decision before the deadline is never reported overdue, and
 * one reported overdue never acts.
 */
final class DispatchedTick implements TickBudget {

  /** Where the tick is, as far as who reports it goes. */
  enum State {
    /** Waiting for a worker. */
    QUEUED,
    /** Observing, forecasting or deciding. */
    RUNNING,
    /** Decided in time; actuating and recording. Reported by the worker. */
    COMMITTED,
    /** Decided after the deadline; the decision is discarded. Reported by the worker. */
    LATE,
    /** Reported overdue by the sweep; the worker's result, if any, is dropped. */
    EXPIRED,
    /** Finished before the deadline without a decision to commit. Reported by the worker. */
    DONE
  }

  final WorkloadTick tick;
  final Duration budget;
  final long dispatchedNanos;
  final long deadlineNanos;

  /** What this dispatch reported for the tick: its outcome or the overdue skip. */
  final CompletableFuture<TickOutcome> reported = new CompletableFuture<>();

  private final LongSupplier nanoTime;
  private final AtomicReference<State> state = new AtomicReference<>(State.QUEUED);
  private volatile TickPhase phase = TickPhase.WAITING;
  private volatile Future<?> work;
  private Instant overrunAt;

  DispatchedTick(WorkloadTick tick, Duration budget, LongSupplier nanoTime) {
    this.tick = tick;
    this.budget = budget;
    this.nanoTime = nanoTime;
    this.dispatchedNanos = nanoTime.getAsLong();
    this.deadlineNanos = dispatchedNanos + budget.toNanos();
    this.overrunAt = tick.nextDue();
  }

  /** A worker picks the tick up; false when it expired while it waited. */
  boolean start() {
    return state.compareAndSet(State.QUEUED, State.RUNNING);
  }

  @Override
  public void entering(TickPhase next) {
    phase = next;
  }

  @Override
  public boolean mayCommit() {
    if (nanoTime.getAsLong() - deadlineNanos < 0
        && state.compareAndSet(State.RUNNING, State.COMMITTED)) {
      return true;
    }
    state.compareAndSet(State.RUNNING, State.LATE);
    return false;
  }

  /** The worker is done: whether its outcome is the one to report (the sweep did not expire it). */
  boolean finish() {
    State now = state.get();
    return now == State.COMMITTED
        || now == State.LATE
        || state.compareAndSet(State.RUNNING, State.DONE);
  }

  /**
   * The sweep: expires the tick when its deadline has passed and it has not committed; returns the
   * state it expired from (QUEUED: it never started, RUNNING: a worker still holds it), else null.
   */
  State expire(long nowNanos) {
    return nowNanos - deadlineNanos < 0 ? null : expireNow();
  }

  /** Expires the tick whatever its deadline, unless it has committed; as {@link #expire}. */
  State expireNow() {
    if (state.compareAndSet(State.QUEUED, State.EXPIRED)) {
      return State.QUEUED;
    }
    return state.compareAndSet(State.RUNNING, State.EXPIRED) ? State.RUNNING : null;
  }

  TickPhase phase() {
    return phase;
  }

  Duration elapsed() {
    return Duration.ofNanos(nanoTime.getAsLong() - dispatchedNanos);
  }

  void work(Future<?> future) {
    work = future;
  }

  Future<?> work() {
    return work;
  }

  /**
   * Whether the workload's next step has come round at {@code now} while this tick still runs; each
   * step is reported once (tick thread only).
   */
  boolean overran(Instant now) {
    if (tick.finished() || now.isBefore(overrunAt)) {
      return false;
    }
    long step = tick.policy().step().toMillis();
    overrunAt = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), step) * step + step);
    return true;
  }
}
