package io.predictivescaler.core.config;

import io.predictivescaler.core.decision.Behavior;
import io.predictivescaler.core.decision.Burst;
import io.predictivescaler.core.decision.Fallback;
import io.predictivescaler.core.decision.Tolerance;
import io.predictivescaler.core.schedule.Schedule;
import io.predictivescaler.forecast.ModelKind;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The complete, resolved policy of one workload: every field set, defaults already applied. The
 * defaultable fields are in {@code settings} ({@link PolicyFields} declares them); the accessors
 * below read them.
 *
 * @param target the workload scaled
 * @param metric the load signal and the per-replica target
 * @param maxReplicas upper bound, at least {@link #minReplicas()}
 * @param settings every defaultable field; the rules between them hold ({@link PolicyRules})
 */
public record WorkloadPolicy(
    TargetRef target, MetricSpec metric, int maxReplicas, PolicySettings settings) {

  public WorkloadPolicy {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(settings, "settings");
    PolicyRules.requireHeld(settings);
    if (maxReplicas < settings.minReplicas()) {
      throw new IllegalArgumentException(
          "maxReplicas " + maxReplicas + " must be >= minReplicas " + settings.minReplicas());
    }
    for (Schedule schedule : settings.schedules()) {
      if (schedule.minReplicas() > maxReplicas) {
        throw new IllegalArgumentException(
            "schedule "
                + schedule.name()
                + ": minReplicas "
                + schedule.minReplicas()
                + " must be <= maxReplicas "
                + maxReplicas);
      }
    }
    settings
        .fallback()
        .filter(f -> f.replicas() > maxReplicas)
        .ifPresent(
            f -> {
              throw new IllegalArgumentException(
                  "fallback replicas " + f.replicas() + " must be <= maxReplicas " + maxReplicas);
            });
  }

  /** A workload policy that takes every defaultable field from {@code settings}. */
  public static WorkloadPolicy of(
      TargetRef target, MetricSpec metric, int maxReplicas, PolicySettings settings) {
    return new WorkloadPolicy(target, metric, maxReplicas, settings);
  }

  /** This policy with one defaultable field changed. */
  public <T> WorkloadPolicy with(PolicyField<T> field, T value) {
    return new WorkloadPolicy(target, metric, maxReplicas, settings.with(field, value));
  }

  /** This policy with other defaultable fields, for changing several at once. */
  public WorkloadPolicy withSettings(PolicySettings value) {
    return new WorkloadPolicy(target, metric, maxReplicas, value);
  }

  /** Lower bound, at least 1 (scale to zero is not supported). */
  public int minReplicas() {
    return settings.minReplicas();
  }

  /** Control and sampling interval; divides {@link #window()}. */
  public Duration step() {
    return settings.step();
  }

  /** How far ahead the forecast looks; in [step, window]. */
  public Duration horizon() {
    return settings.horizon();
  }

  /** History kept per series. */
  public Duration window() {
    return settings.window();
  }

  /** How often the model is refit; at least {@link #step()}. */
  public Duration refit() {
    return settings.refit();
  }

  public ModelKind model() {
    return settings.model();
  }

  /** Upper band of the forecast used for scaling, in (0.5, 1). */
  public double quantile() {
    return settings.quantile();
  }

  /** Relative change ignored, per direction. */
  public Tolerance tolerance() {
    return settings.tolerance();
  }

  /** Pod start-up time, configured or measured; at most {@link #horizon()}. */
  public LeadTime leadTime() {
    return settings.leadTime();
  }

  /** Scale, dry-run or hpa-floor. */
  public ScalingMode mode() {
    return settings.mode();
  }

  /** Stabilization and rate limits per direction. */
  public Behavior behavior() {
    return settings.behavior();
  }

  /** Skip of scale-up stabilization under overload. */
  public Burst burst() {
    return settings.burst();
  }

  /** How much overload the workload may take; not used by decisions yet. */
  public RiskBudget risk() {
    return settings.risk();
  }

  /** Replica floors for planned events, each at most {@link #maxReplicas()}. */
  public List<Schedule> schedules() {
    return settings.schedules();
  }

  /** What to run once metrics have been unavailable for a while; empty to hold the count. */
  public Optional<Fallback> fallback() {
    return settings.fallback();
  }
}
