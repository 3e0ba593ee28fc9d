package io.predictivescaler.collector.verticle;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;

/**
 * Schedules the collector's per-series ticks. The service uses Vert.x timers on real time; a run on
 * a virtual clock (the {@code chaos} benchmark) fires them when its clock passes their due time.
 * Called on the collector's event loop; the handler must run there too.
 */
public interface CollectorTimer {

  /** Vert.x timers: {@code delayMillis} of real time. */
  CollectorTimer VERTX =
      new CollectorTimer() {
        @Override
        public long schedule(Vertx vertx, long delayMillis, Handler<Long> handler) {
          return vertx.setTimer(delayMillis, handler);
        }

        @Override
        public void cancel(Vertx vertx, long timerId) {
          vertx.cancelTimer(timerId);
        }
      };

  /**
   * Runs {@code handler} once, {@code delayMillis} after now; returns an id for {@link #cancel}.
   */
  long schedule(Vertx vertx, long delayMillis, Handler<Long> handler);

  void cancel(Vertx vertx, long timerId);
}
