package io.predictivescaler.core.decision;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one decision depends on. The pipeline reads no clock: {@code now} is the tick time.
 *
 * @param now the tick time
 * @param currentReplicas the target's desired replica count (scale {@code spec.replicas})
 * @param readyReplicas pods running and ready (used by Value targets, burst and forecasts)
 * @param metrics the workload's metrics, each with its predictive and reactive target; the first
 *     one is the one the forecast is in units of
 * @param forecast the forecast summary, if a forecaster runs for this workload
 * @param policy the workload's policy
 * @param state what the previous decision returned as {@link Decision#nextState(boolean)}
 */
public record DecisionInput(
    Instant now,
    int currentReplicas,
    int readyReplicas,
    List<MetricInput> metrics,
    Optional<ForecastSummary> forecast,
    ScalingPolicy policy,
    DecisionState state) {

  public DecisionInput {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(forecast, "forecast");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(state, "state");
    metrics = List.copyOf(metrics);
    if (currentReplicas < 0) {
      throw new IllegalArgumentException("currentReplicas must be >= 0, got " + currentReplicas);
    }
    if (readyReplicas < 0) {
      throw new IllegalArgumentException("readyReplicas must be >= 0, got " + readyReplicas);
    }
  }

  public DecisionInput withState(DecisionState newState) {
    return new DecisionInput(
        now, currentReplicas, readyReplicas, metrics, forecast, policy, newState);
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
        Optional.empty(),
        policy.withBurst(Burst.disabled()),
        hpaState);
  }
}
