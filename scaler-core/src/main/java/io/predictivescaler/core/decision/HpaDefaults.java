package io.predictivescaler.core.decision;

import java.time.Duration;
import java.util.List;

/**
 * Every default of the decision pipeline, in one place. The values are the Kubernetes HPA's
 * (pkg/apis/autoscaling/v2 defaults and the controller's 0.1 tolerance) except {@link
 * #BURST_FACTOR}, which is ours.
 */
public final class HpaDefaults {

  /** The controller's {@code --horizontal-pod-autoscaler-tolerance}. */
  public static final double TOLERANCE = 0.1;

  /** The HPA's default scale-down stabilization window. */
  public static final Duration SCALE_DOWN_STABILIZATION = Duration.ofMinutes(5);

  /** The period of the HPA's default rate policies. */
  public static final Duration POLICY_PERIOD = Duration.ofSeconds(15);

  /** Load at this multiple of ready capacity takes the burst path, when enabled. */
  public static final double BURST_FACTOR = 2.0;

  private HpaDefaults() {}

  /** No stabilization; the larger of 4 pods or 100 % per 15 s. */
  public static ScalingRules scaleUpRules() {
    return new ScalingRules(
        Duration.ZERO,
        SelectPolicy.MAX,
        List.of(RatePolicy.percent(100, POLICY_PERIOD), RatePolicy.pods(4, POLICY_PERIOD)));
  }

  /** 300 s stabilization; up to 100 % per 15 s. */
  public static ScalingRules scaleDownRules() {
    return new ScalingRules(
        SCALE_DOWN_STABILIZATION,
        SelectPolicy.MAX,
        List.of(RatePolicy.percent(100, POLICY_PERIOD)));
  }

  public static Tolerance tolerance() {
    return Tolerance.of(TOLERANCE);
  }
}
