package io.predictivescaler.core.decision;

import java.util.Objects;

/** autoscaling/v2 {@code HorizontalPodAutoscalerBehavior}: rules per direction. */
public record Behavior(ScalingRules scaleUp, ScalingRules scaleDown) {

  public Behavior {
    Objects.requireNonNull(scaleUp, "scaleUp");
    Objects.requireNonNull(scaleDown, "scaleDown");
  }

  /** The HPA's defaults for both directions. */
  public static Behavior hpaDefaults() {
    return new Behavior(HpaDefaults.scaleUpRules(), HpaDefaults.scaleDownRules());
  }
}
