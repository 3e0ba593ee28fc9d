package io.predictivescaler.bench.chaos;

import io.predictivescaler.collector.verticle.CollectorTimer;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Collector timers on the run's monotonic virtual time: they fire when {@link #fireDue()} finds
 * their due time passed, on the event loop that scheduled them. A wall-clock step does not move
 * them, as it does not move a real timer.
 */
final class VirtualTimers implements CollectorTimer {

  private record Pending(long dueMillis, Context context, Handler<Long> handler) {}

  private final VirtualClock clock;
  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  VirtualTimers(VirtualClock clock) {
    this.clock = clock;
  }

  @Override
  public long schedule(Vertx vertx, long delayMillis, Handler<Long> handler) {
    long id = ids.incrementAndGet();
    pending.put(
        id, new Pending(clock.elapsedMillis() + delayMillis, vertx.getOrCreateContext(), handler));
    return id;
  }

  @Override
  public void cancel(Vertx vertx, long timerId) {
    pending.remove(timerId);
  }

  /** Fires every timer that is due; returns how many. */
  int fireDue() {
    long now = clock.elapsedMillis();
    int fired = 0;
    for (Map.Entry<Long, Pending> entry : List.copyOf(pending.entrySet())) {
      Pending timer = entry.getValue();
      if (timer.dueMillis() <= now && pending.remove(entry.getKey(), timer)) {
        timer.context().runOnContext(v -> timer.handler().handle(entry.getKey()));
        fired++;
      }
    }
    return fired;
  }
}
