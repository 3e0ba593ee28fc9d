package io.predictivescaler.core.service;

import io.micrometer.core.instrument.Timer;
import io.predictivescaler.core.tick.TickOrchestrator;
import io.predictivescaler.core.tick.TickOutcome;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vert.x only schedules the tick: a periodic timer hands {@code orchestrator.tick(clock.instant())}
 * to a one-thread worker pool, so ticks never run on an event loop and never overlap. The
 * orchestrator decides which workloads are due; a timer firing while a tick still runs is skipped.
 * After each tick the same thread runs {@code afterTick} (the leader's floor-restore sweep). A
 * {@link TickWatchdog} notes every completed tick, for {@code /readyz}; {@code tickDuration} times
 * each tick that ran at least one workload (idle ticks, most of them, would drown the rest).
 */
final class TickTimer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TickTimer.class);

  private final Vertx vertx;
  private final TickOrchestrator orchestrator;
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
      TickOrchestrator orchestrator,
      Clock clock,
      Runnable afterTick,
      LongSupplier nanoTime,
      Timer tickDuration) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.orchestrator = Objects.requireNonNull(orchestrator, "orchestrator");
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
                tickNow().onComplete(ar -> running.set(false));
              }
            });
  }

  /** Runs one tick at the clock's current time on the tick worker. */
  Future<List<TickOutcome>> tickNow() {
    return worker
        .executeBlocking(
            () -> {
              long started = nanoTime.getAsLong();
              List<TickOutcome> outcomes = orchestrator.tick(clock.instant());
              if (!outcomes.isEmpty()) {
                tickDuration.record(nanoTime.getAsLong() - started, TimeUnit.NANOSECONDS);
              }
              afterTick.run();
              TickWatchdog current = watchdog;
              if (current != null) {
                current.completed(
                    orchestrator.workloads(), outcomes.stream().map(TickOutcome::policy).toList());
              }
              return outcomes;
            },
            true)
        .onFailure(e -> LOG.warn("tick failed; the next one starts afresh: {}", e.toString()));
  }

  /** Why ticks count as stopped, for {@code /readyz}; empty while they complete (or no timer). */
  Optional<String> stalled() {
    TickWatchdog current = watchdog;
    return current == null ? Optional.empty() : current.stalled();
  }

  /** Stops the timer; a tick already running completes. */
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
}
