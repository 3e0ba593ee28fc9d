package io.predictivescaler.core.config;

import java.util.Objects;

/** Scaling behavior in the autoscaling/v2 shape: rules for scale-up and for scale-down. */
public record Behavior(ScalingRules scaleUp, ScalingRules scaleDown) {

  /** HPA's defaults in both directions. */
  public static final Behavior DEFAULT =
      new Behavior(ScalingRules.DEFAULT_SCALE_UP, ScalingRules.DEFAULT_SCALE_DOWN);

  public Behavior {
    Objects.requireNonNull(scaleUp, "scaleUp");
    Objects.requireNonNull(scaleDown, "scaleDown");
  }
}
