package io.predictivescaler.core.service;

import java.time.Duration;

/**
 * How the service runs its ticks: {@code workers} threads run the due workloads (each workload at
 * most once at a time), and a workload's tick has {@code budget} of its step to observe, forecast
 * and decide; a decision not made by then is discarded for that step ({@code TickDeadlineExceeded})
 * and the other workloads go on.
 *
 * @param workers tick worker threads, 1 to {@value #MAX_WORKERS}
 * @param budget the fraction of a workload's step its tick may take before acting, above 0 and
 *     below 1
 */
public record TickSettings(int workers, double budget) {

  public static final int DEFAULT_WORKERS = 4;
  public static final int MAX_WORKERS = 64;
  public static final double DEFAULT_BUDGET = 0.5;

  public TickSettings {
    if (workers < 1 || workers > MAX_WORKERS) {
      throw new IllegalArgumentException(
          "workers: must be 1.." + MAX_WORKERS + " threads, got " + workers);
    }
    if (!(budget > 0 && budget < 1)) {
      throw new IllegalArgumentException(
          "budget: must be a fraction of the step above 0 and below 1, got " + budget);
    }
  }

  /** {@value #DEFAULT_WORKERS} workers, half of each step. */
  public static TickSettings defaults() {
    return new TickSettings(DEFAULT_WORKERS, DEFAULT_BUDGET);
  }

  /** The time a tick of a workload with this step may take before acting: at least 1 ms. */
  public Duration budgetFor(Duration step) {
    return Duration.ofNanos(Math.max(1_000_000L, (long) (step.toNanos() * budget)));
  }
}
