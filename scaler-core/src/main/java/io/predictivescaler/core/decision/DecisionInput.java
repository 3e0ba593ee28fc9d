package io.predictivescaler.core.decision;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one decision depends on. The pipeline reads no clock: {@code now} is the tick time.
 *
 * @param now the tick time
 * @param currentReplicas the target's desired replica count (scale {@code spec.replicas})
 * @param readyReplicas pods running and ready (used by Value targets, burst and forecasts)
 * @param metrics the workload's metrics, each with its predictive and reactive target; names unique
 *     when there are forecasts
 * @param forecasts the forecast summary of each metric a forecaster runs for, by metric name, in
 *     that metric's unit; empty when no forecaster runs
 * @param policy the workload's policy
 * @param state what the previous decision returned as {@link Decision#nextState(boolean)}
 */
public record DecisionInput(
    Instant now,
    int currentReplicas,
    int readyReplicas,
    List<MetricInput> metrics,
    Map<String, ForecastSummary> forecasts,
    ScalingPolicy policy,
    DecisionState state) {

  public DecisionInput {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(state, "state");
    metrics = List.copyOf(metrics);
    forecasts = Map.copyOf(forecasts);
    Set<String> names = new HashSet<>();
    for (MetricInput metric : metrics) {
      if (!names.add(metric.name()) && !forecasts.isEmpty()) {
        throw new IllegalArgumentException(
            "forecasts name their metric, so metric names must be unique, got "
                + metric.name()
                + " twice");
      }
    }
    if (!names.containsAll(forecasts.keySet())) {
      throw new IllegalArgumentException(
          "forecasts " + forecasts.keySet() + " must name metrics of the input, got " + names);
    }
    if (currentReplicas < 0) {
      throw new IllegalArgumentException("currentReplicas must be >= 0, got " + currentReplicas);
    }
    if (readyReplicas < 0) {
      throw new IllegalArgumentException("readyReplicas must be >= 0, got " + readyReplicas);
    }
  }

  public DecisionInput withState(DecisionState newState) {
    return new DecisionInput(
        now, currentReplicas, readyReplicas, metrics, forecasts, policy, newState);
  }

  /** The input with one forecast, for the only metric (tests and replays of one metric). */
  public static Map<String, ForecastSummary> forecastOf(
      List<MetricInput> metrics, Optional<ForecastSummary> forecast) {
    if (forecast.isEmpty()) {
      return Map.of();
    }
    if (metrics.size() != 1) {
      throw new IllegalArgumentException(
          "one forecast needs exactly one metric to name, got " + metrics.size());
    }
    return Map.of(metrics.get(0).name(), forecast.get());
  }

  /**
   * What a plain HPA with the same range, tolerance and behavior would get: no forecast (so the
   * metrics are read at their reactive target), no burst path, and the shadow HPA's own state (keep
   * it apart from the predictive one).
   */
  public DecisionInput asPlainHpa(DecisionState hpaState) {
    return new DecisionInput(
        now,
        currentReplicas,
        readyReplicas,
        metrics,
        Map.of(),
        policy.withBurst(Burst.disabled()),
        hpaState);
  }

  /** The same input for a cluster with other replica counts (a shadow run beside this one). */
  public DecisionInput withReplicas(int current, int ready) {
    return new DecisionInput(now, current, ready, metrics, forecasts, policy, state);
  }
}
