package io.predictivescaler.core.config;

import io.predictivescaler.core.decision.Behavior;
import io.predictivescaler.core.decision.Burst;
import io.predictivescaler.core.decision.HpaDefaults;
import io.predictivescaler.core.decision.Tolerance;
import io.predictivescaler.forecast.ModelKind;
import java.time.Duration;
import java.util.Objects;

/**
 * The fields a policy document's {@code defaults} section may set, fully resolved: {@link
 * #BUILT_IN} overlaid with what the document says. Every workload starts from these.
 */
public record PolicyDefaults(
    Duration step,
    Duration horizon,
    Duration window,
    Duration refit,
    ModelKind model,
    double quantile,
    Tolerance tolerance,
    LeadTime leadTime,
    ScalingMode mode,
    int minReplicas,
    Behavior behavior,
    Burst burst) {

  /** The lead time used until one is measured, when {@code leadTime} is {@code auto}. */
  public static final Duration LEAD_TIME_FALLBACK = Duration.ofSeconds(90);

  /**
   * The defaults when a document says nothing. HPA's values where HPA has one (tolerance, behavior,
   * minReplicas 1), taken from {@link HpaDefaults}; the burst path on at {@link
   * HpaDefaults#BURST_FACTOR}; {@code dry-run} so that a new policy is observed before it acts.
   */
  public static final PolicyDefaults BUILT_IN =
      new PolicyDefaults(
          Duration.ofSeconds(15),
          Duration.ofMinutes(10),
          Duration.ofHours(24),
          Duration.ofHours(1),
          ModelKind.AUTO,
          0.9,
          HpaDefaults.tolerance(),
          LeadTime.auto(LEAD_TIME_FALLBACK),
          ScalingMode.DRY_RUN,
          1,
          Behavior.hpaDefaults(),
          Burst.enabled(HpaDefaults.BURST_FACTOR));

  public PolicyDefaults {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(tolerance, "tolerance");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(behavior, "behavior");
    Objects.requireNonNull(burst, "burst");
    PolicyInvariants.check(step, horizon, window, refit, quantile, leadTime, minReplicas);
  }
}
