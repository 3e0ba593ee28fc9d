package io.predictivescaler.core.service;

import io.predictivescaler.core.tick.TickOrchestrator;
import io.predictivescaler.core.tick.TickOutcome;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vert.x only schedules the tick: a periodic timer hands {@code orchestrator.tick(clock.instant())}
 * to a one-thread worker pool, so ticks never run on an event loop and never overlap. The
 * orchestrator decides which workloads are due; a timer firing while a tick still runs is skipped.
 */
final class TickTimer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TickTimer.class);

  private final Vertx vertx;
  private final TickOrchestrator orchestrator;
  private final Clock clock;
  private final WorkerExecutor worker;
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile long timerId = -1;

  TickTimer(Vertx vertx, TickOrchestrator orchestrator, Clock clock) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.orchestrator = Objects.requireNonNull(orchestrator, "orchestrator");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.worker = vertx.createSharedWorkerExecutor("scaler-tick", 1, 5, TimeUnit.MINUTES);
  }

  /** Fires every {@code period}; a zero period leaves ticking to {@link #tickNow()}. */
  void start(Duration period) {
    if (period.isZero() || period.isNegative()) {
      return;
    }
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
        .executeBlocking(() -> orchestrator.tick(clock.instant()), true)
        .onFailure(e -> LOG.warn("tick failed; the next one starts afresh: {}", e.toString()));
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
