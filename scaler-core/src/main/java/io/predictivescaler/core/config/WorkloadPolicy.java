package io.predictivescaler.core.config;

import io.predictivescaler.core.decision.Behavior;
import io.predictivescaler.core.decision.Burst;
import io.predictivescaler.core.decision.Tolerance;
import io.predictivescaler.forecast.ModelKind;
import java.time.Duration;
import java.util.Objects;

/**
 * The complete, resolved policy of one workload: every field set, defaults already applied.
 *
 * @param target the workload scaled
 * @param metric the load signal and the per-replica target
 * @param minReplicas lower bound, at least 1 (scale to zero is not supported)
 * @param maxReplicas upper bound, at least {@code minReplicas}
 * @param step control and sampling interval; divides {@code window}
 * @param horizon how far ahead the forecast looks; in [step, window]
 * @param window history kept per series
 * @param refit how often the model is refit; at least {@code step}
 * @param model forecasting model
 * @param quantile upper band of the forecast used for scaling, in (0.5, 1)
 * @param tolerance relative change ignored, per direction
 * @param leadTime pod start-up time, configured or measured; at most {@code horizon}
 * @param mode scale, dry-run or hpa-floor
 * @param behavior stabilization and rate limits per direction
 * @param burst skip of scale-up stabilization under overload
 */
public record WorkloadPolicy(
    TargetRef target,
    MetricSpec metric,
    int minReplicas,
    int maxReplicas,
    Duration step,
    Duration horizon,
    Duration window,
    Duration refit,
    ModelKind model,
    double quantile,
    Tolerance tolerance,
    LeadTime leadTime,
    ScalingMode mode,
    Behavior behavior,
    Burst burst) {

  public WorkloadPolicy {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(tolerance, "tolerance");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(behavior, "behavior");
    Objects.requireNonNull(burst, "burst");
    PolicyInvariants.check(step, horizon, window, refit, quantile, leadTime, minReplicas);
    if (maxReplicas < minReplicas) {
      throw new IllegalArgumentException(
          "maxReplicas " + maxReplicas + " must be >= minReplicas " + minReplicas);
    }
  }

  /** A workload policy that takes every defaultable field from {@code defaults}. */
  public static WorkloadPolicy of(
      TargetRef target, MetricSpec metric, int maxReplicas, PolicyDefaults defaults) {
    return new WorkloadPolicy(
        target,
        metric,
        defaults.minReplicas(),
        maxReplicas,
        defaults.step(),
        defaults.horizon(),
        defaults.window(),
        defaults.refit(),
        defaults.model(),
        defaults.quantile(),
        defaults.tolerance(),
        defaults.leadTime(),
        defaults.mode(),
        defaults.behavior(),
        defaults.burst());
  }
}
