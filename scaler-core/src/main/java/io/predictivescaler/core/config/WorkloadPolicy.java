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
 * @param metrics the load signals, each with its per-replica target: at least one, at most {@value
 *     PolicyLimits#MAX_METRICS}, names unique; the largest recommendation wins, as in the HPA
 * @param maxReplicas upper bound, at least {@link #minReplicas()}
 * @param settings every defaultable field; the rules between them hold ({@link PolicyRules})
 */
public record WorkloadPolicy(
    TargetRef target, List<MetricSpec> metrics, int maxReplicas, PolicySettings settings) {

  public WorkloadPolicy {
    Objects.requireNonNull(target, "target");
    metrics = List.copyOf(metrics);
    Objects.requireNonNull(settings, "settings");
    if (metrics.isEmpty() || metrics.size() > PolicyLimits.MAX_METRICS) {
      throw new IllegalArgumentException(
          "metrics must have 1 to " + PolicyLimits.MAX_METRICS + " entries, got " + metrics.size());
    }
    if (metrics.stream().map(MetricSpec::name).distinct().count() < metrics.size()) {
      throw new IllegalArgumentException("metric names must be unique, got " + metrics);
    }
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

  /** A workload policy with one metric. */
  public WorkloadPolicy(
      TargetRef target, MetricSpec metric, int maxReplicas, PolicySettings settings) {
    this(target, List.of(metric), maxReplicas, settings);
  }

  /** A workload policy with one metric that takes every defaultable field from {@code settings}. */
  public static WorkloadPolicy of(
      TargetRef target, MetricSpec metric, int maxReplicas, PolicySettings settings) {
    return new WorkloadPolicy(target, metric, maxReplicas, settings);
  }

  /**
   * The first metric: the only one of a single-metric policy and of a {@link #forMetric} view,
   * which is how the per-metric parts (forecast calibration, observations) read it. With several
   * metrics, read {@link #metrics()}.
   */
  public MetricSpec metric() {
    return metrics.get(0);
  }

  /**
   * This policy seen through one of its metrics: the same target, bounds and settings with {@code
   * metric} alone, for the parts that forecast and calibrate each metric on its own.
   */
  public WorkloadPolicy forMetric(MetricSpec metric) {
    if (!metrics.contains(metric)) {
      throw new IllegalArgumentException(metric + " is not a metric of " + target);
    }
    return metrics.size() == 1 ? this : new WorkloadPolicy(target, metric, maxReplicas, settings);
  }

  /** This policy with one defaultable field changed. */
  public <T> WorkloadPolicy with(PolicyField<T> field, T value) {
    return new WorkloadPolicy(target, metrics, maxReplicas, settings.with(field, value));
  }

  /** This policy with other defaultable fields, for changing several at once. */
  public WorkloadPolicy withSettings(PolicySettings value) {
    return new WorkloadPolicy(target, metrics, maxReplicas, value);
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

  /**
   * How long the scale-down window holds what the forecast asked for; empty for {@code auto}, the
   * lead window. At most the scale-down stabilization window.
   */
  public Optional<Duration> forecastHold() {
    return settings.forecastHold();
  }

  /** Skip of scale-up stabilization under overload. */
  public Burst burst() {
    return settings.burst();
  }

  /** How much overload the workload may take: the counterfactual choice keeps to it. */
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
