package io.predictivescaler.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Stabilization and rate limits for one direction (autoscaling/v2 {@code HPAScalingRules}).
 * Defaults are HPA's: see {@link #DEFAULT_SCALE_UP} and {@link #DEFAULT_SCALE_DOWN}.
 */
public record ScalingRules(
    Duration stabilizationWindow, SelectPolicy selectPolicy, List<ScalingPolicy> policies) {

  /** HPA's upper bound for {@code stabilizationWindowSeconds}. */
  public static final Duration MAX_STABILIZATION_WINDOW = Duration.ofHours(1);

  private static final Duration FIFTEEN_SECONDS = Duration.ofSeconds(15);

  /** HPA default: no stabilization; the larger of 4 pods or 100 % per 15 s. */
  public static final ScalingRules DEFAULT_SCALE_UP =
      new ScalingRules(
          Duration.ZERO,
          SelectPolicy.MAX,
          List.of(
              ScalingPolicy.pods(4, FIFTEEN_SECONDS), ScalingPolicy.percent(100, FIFTEEN_SECONDS)));

  /** HPA default: 300 s stabilization; up to 100 % per 15 s. */
  public static final ScalingRules DEFAULT_SCALE_DOWN =
      new ScalingRules(
          Duration.ofMinutes(5),
          SelectPolicy.MAX,
          List.of(ScalingPolicy.percent(100, FIFTEEN_SECONDS)));

  public ScalingRules {
    Objects.requireNonNull(stabilizationWindow, "stabilizationWindow");
    Objects.requireNonNull(selectPolicy, "selectPolicy");
    policies = List.copyOf(policies);
    if (stabilizationWindow.isNegative()
        || stabilizationWindow.compareTo(MAX_STABILIZATION_WINDOW) > 0) {
      throw new IllegalArgumentException(
          "stabilizationWindow must be in [0, 1h], got " + stabilizationWindow);
    }
    if (policies.isEmpty()) {
      throw new IllegalArgumentException("policies must not be empty");
    }
  }
}
