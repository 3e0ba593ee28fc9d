package io.predictivescaler.core.config;

import java.time.Duration;

/**
 * Memory budgets a policy must stay within, checked when it is parsed so that no valid policy can
 * exhaust the heap that every other workload shares. The reasoning, per workload, from the code
 * that allocates (docs/CONFIGURATION.md, "Memory limits"):
 *
 * <ul>
 *   <li>The forecaster's online book keeps the last {@code s + 1} forecasts of {@code s} points
 *       each, point and upper band as floats, and 240 residuals per point, where {@code s} is
 *       {@code horizon / step} plus one: {@code 8 (s + 1) s + 960 s} bytes, quadratic in {@code s}.
 *       At {@link #MAX_FORECAST_STEPS} that is about 3.5 MB; {@code step: 1s, horizon: 4h} would
 *       need 1.6 GiB.
 *   <li>The rolling window keeps {@code window / step} samples (plus 2 h of feature lookback) as
 *       floats, copied for each forecast: at {@link #MAX_WINDOW_SAMPLES}, 0.4 MB.
 *   <li>{@link #MAX_WINDOW} bounds the history asked of Prometheus at start and kept per series;
 *       two weeks cover weekly seasonality with a margin.
 *   <li>Each metric of a workload has its own window, forecaster and calibration, so every bound
 *       above is per metric, and {@link #MAX_METRICS} bounds how many a workload multiplies them
 *       by.
 * </ul>
 */
final class PolicyLimits {

  /**
   * The most forecast steps ({@code horizon / step}): the default 10 min horizon at the shortest
   * step, 2.5 h at the default 15 s step.
   */
  static final long MAX_FORECAST_STEPS = 600;

  /** The most samples a window holds ({@code window / step}): 27 h at a 1 s step. */
  static final long MAX_WINDOW_SAMPLES = 100_000;

  /** The longest window: 14 days. */
  static final Duration MAX_WINDOW = Duration.ofDays(14);

  /**
   * The most metrics one workload lists: each costs up to the two budgets above (about 4 MB at
   * their limits, 60 kB at the defaults) plus the forecaster's training history; HPAs rarely list
   * more than three.
   */
  static final int MAX_METRICS = 10;

  /** The shortest step. */
  static final Duration MIN_STEP = Duration.ofSeconds(1);

  private PolicyLimits() {}

  /** {@code span / step}, rounded up. */
  static long steps(Duration span, Duration step) {
    return -Math.floorDiv(-span.toNanos(), step.toNanos());
  }
}
