package io.predictivescaler.core.service;

import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadPolicy;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Notices when control stops, so that {@code /readyz} fails: no tick completed for a while (a hung
 * API call, a stuck tick thread), or ticks complete but a managed workload gets no decision for
 * {@value #STALL_STEPS} of its steps (its due time stuck, say after a clock step, or its ticks
 * running out of time: {@code TickDeadlineExceeded} and {@code TickOverrun} are no decision).
 * Measured on a monotonic clock, so a step of the wall clock either way changes nothing here.
 */
final class TickWatchdog {

  /** How many tick periods may pass without a completed tick before the service is not ready. */
  static final int STALL_PERIODS = 30;

  /** How many of its steps a managed workload may go without a decision. */
  static final int STALL_STEPS = 3;

  /** The shortest stall reported, whatever the tick period or step. */
  static final Duration MIN_STALL = Duration.ofSeconds(30);

  private record Seen(long nanos, Duration step) {}

  private final Duration limit;
  private final LongSupplier nanoTime;
  private final Map<TargetRef, Seen> decided = new ConcurrentHashMap<>();
  private volatile long lastCompletedNanos;

  /**
   * @param limit how long without a completed tick counts as stalled
   * @param nanoTime a monotonic clock, as {@link System#nanoTime()}
   */
  TickWatchdog(Duration limit, LongSupplier nanoTime) {
    this.limit = Objects.requireNonNull(limit, "limit");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.lastCompletedNanos = nanoTime.getAsLong();
  }

  /** {@value #STALL_PERIODS} tick periods, at least {@link #MIN_STALL}. */
  static Duration limitFor(Duration tickPeriod) {
    return atLeastMin(tickPeriod.multipliedBy(STALL_PERIODS));
  }

  /**
   * A tick completed.
   *
   * @param managed the workloads under control now
   * @param ticked the policies of the workloads this tick decided (or skipped with a reason)
   */
  void completed(Collection<TargetRef> managed, Collection<WorkloadPolicy> ticked) {
    long now = nanoTime.getAsLong();
    lastCompletedNanos = now;
    for (WorkloadPolicy policy : ticked) {
      decided.put(policy.target(), new Seen(now, policy.step()));
    }
    decided.keySet().retainAll(managed);
    for (TargetRef target : managed) {
      decided.putIfAbsent(target, new Seen(now, null)); // joined: its first decision is coming
    }
  }

  /** The readiness failure when control stopped; empty while ticks and decisions flow. */
  Optional<String> stalled() {
    long now = nanoTime.getAsLong();
    Duration sinceTick = Duration.ofNanos(now - lastCompletedNanos);
    if (sinceTick.compareTo(limit) > 0) {
      return Optional.of(
          "ticks: no tick completed for "
              + sinceTick.toSeconds()
              + " s (limit "
              + limit.toSeconds()
              + " s); the tick thread is stuck or the timer stopped, no decisions are being made");
    }
    for (Map.Entry<TargetRef, Seen> entry : decided.entrySet()) {
      Seen seen = entry.getValue();
      Duration allowed =
          seen.step() == null ? limit : atLeastMin(seen.step().multipliedBy(STALL_STEPS));
      Duration since = Duration.ofNanos(now - seen.nanos());
      if (since.compareTo(allowed) > 0) {
        return Optional.of(
            "ticks: no decision for "
                + entry.getKey()
                + " in "
                + since.toSeconds()
                + " s (limit "
                + allowed.toSeconds()
                + " s) although ticks run; its control loop is stuck");
      }
    }
    return Optional.empty();
  }

  private static Duration atLeastMin(Duration duration) {
    return duration.compareTo(MIN_STALL) < 0 ? MIN_STALL : duration;
  }
}
