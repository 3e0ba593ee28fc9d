package io.predictivescaler.core.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.decision.ReasonCode;
import io.predictivescaler.core.tick.TickOrchestrator;
import io.predictivescaler.core.tick.TickOutcome;
import io.predictivescaler.core.tick.TickPhase;
import io.predictivescaler.core.tick.WorkloadTick;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's tick queue: at each dispatch the due workloads go to a fixed pool of tick workers,
 * so that one slow workload (a hung metrics read, a slow forecast, a slow API call) never delays
 * the decisions of the others.
 *
 * <ul>
 *   <li>A workload runs one tick at a time: when its step comes round while its previous tick still
 *       runs, that step is skipped with {@code TickOverrun}.
 *   <li>A tick has {@link TickSettings#budgetFor its budget} from its dispatch to decide. A
 *       decision made later is discarded, never actuated ({@code TickDeadlineExceeded}, reported by
 *       the worker). A tick still waiting, observing, forecasting or deciding past its budget is
 *       reported overdue at the next dispatch (the timer fires every second) and interrupted; what
 *       it returns after that is dropped. A tick that committed to its decision in time finishes
 *       its actuation, which has its own deadline.
 * </ul>
 *
 * <p>Only the service runs ticks this way; replays call {@link TickOrchestrator#tick} and stay
 * sequential. {@link #dispatch} is called from one thread at a time (the tick timer's).
 */
final class TickDispatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TickDispatcher.class);

  /** More than the workloads one replica manages: each has at most one tick queued. */
  static final int QUEUE_CAPACITY = 4096;

  private final TickOrchestrator orchestrator;
  private final TickSettings settings;
  private final LongSupplier nanoTime;
  private final ThreadPoolExecutor pool;
  private final TickMeters meters;
  private final Map<TargetRef, DispatchedTick> inFlight = new ConcurrentHashMap<>();

  /**
   * @param nanoTime a monotonic clock, as {@link System#nanoTime()}; budgets are measured on it
   */
  TickDispatcher(
      TickOrchestrator orchestrator,
      TickSettings settings,
      LongSupplier nanoTime,
      MeterRegistry registry) {
    this.orchestrator = Objects.requireNonNull(orchestrator, "orchestrator");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            settings.workers(),
            settings.workers(),
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE_CAPACITY),
            r -> {
              Thread t = new Thread(r, "scaler-tick-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
    this.meters =
        new TickMeters(registry, inFlight::size, () -> pool.getQueue().size(), settings.workers());
  }

  /**
   * Reports the ticks in flight that are overdue or overran their step, then hands every due
   * workload to the pool. The future completes once each workload of this dispatch has an outcome:
   * its own, a deadline skip or an overrun skip.
   */
  CompletableFuture<List<TickOutcome>> dispatch(Instant now) {
    long nowNanos = nanoTime.getAsLong();
    List<CompletableFuture<TickOutcome>> round = new ArrayList<>();
    for (DispatchedTick running : inFlight.values()) {
      expireIfOverdue(running, nowNanos);
      if (running.overran(now)) {
        round.add(CompletableFuture.completedFuture(overrun(running, now)));
      }
    }
    for (WorkloadTick tick : orchestrator.claimDue(now)) {
      round.add(submit(tick));
    }
    meters.retain(orchestrator.workloads());
    return CompletableFuture.allOf(round.toArray(CompletableFuture[]::new))
        .thenApply(
            done -> round.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList());
  }

  /** The workloads under control. */
  Collection<TargetRef> workloads() {
    return orchestrator.workloads();
  }

  /** Workload ticks dispatched and not finished. */
  int inFlight() {
    return inFlight.size();
  }

  /**
   * Stops taking ticks and waits up to {@code grace} for those in flight (a tick that has not
   * committed to its decision cannot write once the service stops actuating); then interrupts those
   * still running and drops those still waiting.
   */
  void shutdown(Duration grace) throws InterruptedException {
    pool.shutdown();
    if (pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      return;
    }
    List<String> running =
        inFlight.values().stream()
            .map(d -> d.tick.target() + " (" + d.phase().activity() + ")")
            .toList();
    pool.shutdownNow();
    for (DispatchedTick d : inFlight.values()) {
      if (d.expireNow() == DispatchedTick.State.QUEUED) {
        d.tick.abandon();
        inFlight.remove(d.tick.target(), d);
        d.reported.complete(null);
      }
    }
    LOG.warn("shutdown: cancelled the workload ticks still running after {}: {}", grace, running);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  private CompletableFuture<TickOutcome> submit(WorkloadTick tick) {
    DispatchedTick d = new DispatchedTick(tick, settings.budgetFor(tick.policy().step()), nanoTime);
    inFlight.put(tick.target(), d);
    try {
      d.work(pool.submit(() -> work(d)));
    } catch (RejectedExecutionException e) {
      d.expireNow();
      inFlight.remove(tick.target(), d);
      if (pool.isShutdown()) {
        tick.abandon();
        d.reported.complete(null);
      } else {
        TickOutcome.Skipped full =
            tick.skipped(
                tick.now(),
                ReasonCode.TICK_OVERRUN,
                "the tick queue is full ("
                    + QUEUE_CAPACITY
                    + " waiting): the "
                    + settings.workers()
                    + " tick workers cannot keep up; this step is skipped");
        tick.reportSkip(full);
        tick.abandon();
        meters.overrun(tick.target());
        d.reported.complete(full);
      }
    }
    return d.reported;
  }

  /** On a tick worker: run the tick, then report it unless the sweep reported it overdue. */
  private void work(DispatchedTick d) {
    if (!d.start()) {
      return; // overdue while it waited: reported and handed back by the sweep
    }
    TickOutcome outcome = null;
    try {
      outcome = d.tick.run(d);
    } finally {
      boolean ours = d.finish();
      d.entering(TickPhase.RECORD);
      try {
        d.tick.complete(ours ? outcome : null);
      } catch (RuntimeException e) {
        LOG.warn("recording the {} failed: {}", d.tick, e.toString());
      } finally {
        inFlight.remove(d.tick.target(), d);
        if (ours) {
          if (outcome instanceof TickOutcome.Skipped skipped
              && skipped.reason() == ReasonCode.TICK_DEADLINE_EXCEEDED) {
            meters.deadlineExceeded(d.tick.target());
          }
          d.reported.complete(outcome);
        } else {
          LOG.info(
              "the {} finished {} ms after its dispatch, past its {} ms budget; its result was"
                  + " dropped: {}",
              d.tick,
              d.elapsed().toMillis(),
              d.budget.toMillis(),
              outcome);
        }
      }
    }
  }

  /** Reports a tick past its budget that has not committed, and stops it. */
  private void expireIfOverdue(DispatchedTick d, long nowNanos) {
    DispatchedTick.State from = d.expire(nowNanos);
    if (from == null) {
      return;
    }
    WorkloadTick tick = d.tick;
    String budget =
        "its time budget of "
            + d.budget.toMillis()
            + " ms ("
            + settings.budget()
            + " of its "
            + tick.policy().step().toSeconds()
            + " s step)";
    TickOutcome.Skipped skip =
        tick.skipped(
            tick.now(),
            ReasonCode.TICK_DEADLINE_EXCEEDED,
            from == DispatchedTick.State.QUEUED
                ? "waited for a free tick worker longer than "
                    + budget
                    + ": all "
                    + settings.workers()
                    + " workers are busy; no decision this step"
                : "still "
                    + d.phase().activity()
                    + " when "
                    + budget
                    + " ran out; the tick is interrupted and no decision is made this step");
    meters.deadlineExceeded(tick.target());
    tick.reportSkip(skip);
    if (from == DispatchedTick.State.QUEUED) {
      pool.remove((Runnable) d.work());
      tick.abandon();
      inFlight.remove(tick.target(), d);
    } else {
      d.work().cancel(true);
    }
    d.reported.complete(skip);
  }

  private TickOutcome overrun(DispatchedTick d, Instant now) {
    TickOutcome.Skipped skip =
        d.tick.skipped(
            now,
            ReasonCode.TICK_OVERRUN,
            "its previous tick is still " + d.phase().activity() + "; this step is skipped");
    meters.overrun(d.tick.target());
    d.tick.reportSkip(skip);
    return skip;
  }
}
