package io.predictivescaler.core.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The invariants every resolved policy holds, checked by the records' constructors. The parser
 * checks the same rules first and reports them as {@link ConfigError}s, so breaking one here is a
 * programming error.
 */
final class PolicyInvariants {

  static final Duration MIN_STEP = Duration.ofSeconds(1);

  private PolicyInvariants() {}

  static void check(
      Duration step,
      Duration horizon,
      Duration window,
      Duration refit,
      double quantile,
      LeadTime leadTime,
      int minReplicas) {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(horizon, "horizon");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(refit, "refit");
    Objects.requireNonNull(leadTime, "leadTime");
    require(step.compareTo(MIN_STEP) >= 0, "step must be >= 1s, got " + step);
    require(isPositive(window), "window must be > 0, got " + window);
    require(isPositive(refit), "refit must be > 0, got " + refit);
    require(divides(step, window), "step " + step + " must divide window " + window);
    require(
        horizon.compareTo(step) >= 0 && horizon.compareTo(window) <= 0,
        "horizon must be in [step, window], got " + horizon);
    require(refit.compareTo(step) >= 0, "refit must be >= step, got " + refit);
    require(
        leadTime.duration().compareTo(horizon) <= 0,
        "leadTime must be <= horizon, got " + leadTime.duration());
    require(quantile > 0.5 && quantile < 1, "quantile must be > 0.5 and < 1, got " + quantile);
    require(minReplicas >= 1, "minReplicas must be >= 1, got " + minReplicas);
  }

  static boolean isPositive(Duration d) {
    return !d.isNegative() && !d.isZero();
  }

  static boolean divides(Duration step, Duration window) {
    return isPositive(step) && window.toNanos() % step.toNanos() == 0;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
