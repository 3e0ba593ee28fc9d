package io.predictivescaler.core.service;

import io.micrometer.core.instrument.Timer;
import io.predictivescaler.core.decision.ReasonCode;
import io.predictivescaler.core.tick.TickOutcome;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vert.x only schedules the tick: a periodic timer hands {@code
 * dispatcher.dispatch(clock.instant())} to a one-thread worker pool, so dispatches never run on an
 * event loop and never overlap. The dispatch is quick (the workloads' ticks run on the {@link
 * TickDispatcher}'s own workers); a timer firing while one still runs is skipped. After each
 * dispatch the same thread runs {@code afterTick}, which must be quick (the service's hands the
 * leader's floor-restore sweep to {@link OffTickWork}). Once every workload of a dispatch has its
 * outcome, a {@link TickWatchdog} notes the round and the workloads that decided, for {@code
 * /readyz}, and {@code tickDuration} times the round when it ran at least one workload (idle
 * rounds, most of them, would drown the rest).
 */
final class TickTimer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TickTimer.class);

  private final Vertx vertx;
  private final TickDispatcher dispatcher;
  private final Clock clock;
  private final Runnable afterTick;
  private final LongSupplier nanoTime;
  private final Timer tickDuration;
  private final WorkerExecutor worker;
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile long timerId = -1;
  private volatile TickWatchdog watchdog;

  TickTimer(
      Vertx vertx,
      TickDispatcher dispatcher,
      Clock clock,
      Runnable afterTick,
      LongSupplier nanoTime,
      Timer tickDuration) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.afterTick = Objects.requireNonNull(afterTick, "afterTick");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.tickDuration = Objects.requireNonNull(tickDuration, "tickDuration");
    this.worker = vertx.createSharedWorkerExecutor("scaler-tick", 1, 5, TimeUnit.MINUTES);
  }

  /** Fires every {@code period}; a zero period leaves ticking to {@link #tickNow()}. */
  void start(Duration period) {
    if (period.isZero() || period.isNegative()) {
      return;
    }
    watchdog = new TickWatchdog(TickWatchdog.limitFor(period), nanoTime);
    timerId =
        vertx.setPeriodic(
            period.toMillis(),
            id -> {
              if (running.compareAndSet(false, true)) {
                dispatch().onComplete(ar -> running.set(false));
              }
            });
  }

  /**
   * Dispatches the workloads due at the clock's current time on the tick worker; completes with
   * their outcomes once each has one.
   */
  Future<List<TickOutcome>> tickNow() {
    return dispatch().compose(Future::fromCompletionStage);
  }

  /** Why ticks count as stopped, for {@code /readyz}; empty while they complete (or no timer). */
  Optional<String> stalled() {
    TickWatchdog current = watchdog;
    return current == null ? Optional.empty() : current.stalled();
  }

  /** Stops the timer; a dispatch already running completes. */
  void stop() {
    long id = timerId;
    if (id >= 0) {
      vertx.cancelTimer(id);
    }
  }

  @Override
  public void close() {
    stop();
    worker.close();
  }

  /** Completes once the workloads are handed out; its value, once they all have outcomes. */
  private Future<CompletableFuture<List<TickOutcome>>> dispatch() {
    return worker
        .executeBlocking(
            () -> {
              long started = nanoTime.getAsLong();
              CompletableFuture<List<TickOutcome>> round = dispatcher.dispatch(clock.instant());
              afterTick.run();
              return round.thenApply(
                  outcomes -> {
                    roundDone(started, outcomes);
                    return outcomes;
                  });
            },
            true)
        .onFailure(e -> LOG.warn("tick failed; the next one starts afresh: {}", e.toString()));
  }

  private void roundDone(long started, List<TickOutcome> outcomes) {
    if (!outcomes.isEmpty()) {
      tickDuration.record(nanoTime.getAsLong() - started, TimeUnit.NANOSECONDS);
    }
    TickWatchdog current = watchdog;
    if (current != null) {
      current.completed(
          dispatcher.workloads(),
          outcomes.stream().filter(TickTimer::decided).map(TickOutcome::policy).toList());
    }
  }

  /**
   * Whether the workload's control loop got through this step: a decision, or a skip for a reason
   * of its own (target missing, a failure); not a step lost to time, which the watchdog must see.
   */
  private static boolean decided(TickOutcome outcome) {
    return !(outcome instanceof TickOutcome.Skipped skipped)
        || (skipped.reason() != ReasonCode.TICK_OVERRUN
            && skipped.reason() != ReasonCode.TICK_DEADLINE_EXCEEDED);
  }
}
