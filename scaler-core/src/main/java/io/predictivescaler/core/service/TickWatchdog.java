package io.predictivescaler.core.service;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Notices when ticks stop completing (a hung API call, a stuck tick thread) so that {@code /readyz}
 * fails. Measured on a monotonic clock, so a step of the wall clock either way changes nothing.
 */
final class TickWatchdog {

  /** How many tick periods may pass without a completed tick before the service is not ready. */
  static final int STALL_PERIODS = 30;

  /** The shortest stall reported, whatever the tick period. */
  static final Duration MIN_STALL = Duration.ofSeconds(30);

  private final Duration limit;
  private final LongSupplier nanoTime;
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
    Duration periods = tickPeriod.multipliedBy(STALL_PERIODS);
    return periods.compareTo(MIN_STALL) < 0 ? MIN_STALL : periods;
  }

  /** A tick just completed. */
  void completed() {
    lastCompletedNanos = nanoTime.getAsLong();
  }

  /** The readiness failure when no tick completed within the limit; empty while ticks flow. */
  Optional<String> stalled() {
    Duration since = Duration.ofNanos(nanoTime.getAsLong() - lastCompletedNanos);
    if (since.compareTo(limit) <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        "ticks: no tick completed for "
            + since.toSeconds()
            + " s (limit "
            + limit.toSeconds()
            + " s); the tick thread is stuck or the timer stopped, no decisions are being made");
  }
}
