package io.predictivescaler.core.tick;

import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.decision.ScalingPolicy;
import io.predictivescaler.forecast.ForecastSettings;
import java.time.Duration;

/** Turns an SRE's validated workload policy into what the decision pipeline and forecaster take. */
public final class PolicyTranslation {

  private PolicyTranslation() {}

  public static ScalingPolicy scalingPolicy(WorkloadPolicy policy) {
    return new ScalingPolicy(
        policy.minReplicas(),
        policy.maxReplicas(),
        policy.tolerance(),
        policy.behavior(),
        policy.burst(),
        policy.schedules(),
        policy.fallback());
  }

  /**
   * Forecaster settings for a workload: its model, horizon, quantile and refit interval on top of
   * the forecaster's defaults. The forecast reaches one {@code step} past the horizon, since the
   * newest sample may be a step old when the tick runs.
   */
  public static ForecastSettings forecastSettings(WorkloadPolicy policy) {
    ForecastSettings defaults = ForecastSettings.defaults();
    Duration horizon = policy.horizon().plus(policy.step());
    if (horizon.compareTo(defaults.season()) >= 0) {
      horizon = defaults.season().minus(policy.step());
    }
    return defaults
        .withModel(policy.model())
        .withHorizon(horizon)
        .withQuantile(policy.quantile())
        .withRefitInterval(policy.refit());
  }
}
