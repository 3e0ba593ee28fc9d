package io.predictivescaler.core.tick;

import io.predictivescaler.core.actuate.ActuationResult;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.decision.Decision;
import io.predictivescaler.core.decision.ForecastSummary;
import io.predictivescaler.forecast.Forecast;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One workload's tick: what was observed, forecast and decided, what a plain HPA would have decided
 * on the same inputs, and what the actuator did.
 *
 * @param policy the policy in force
 * @param now the tick time
 * @param observation what was read; null when the target was not found
 * @param forecast the forecaster's full forecast; null when none was made
 * @param summary what the decision pipeline was given of the forecast
 * @param leadTime the lead time used: configured, or measured when {@code leadTime: auto}
 * @param decision the decision; null when the target was not found
 * @param shadowHpa what a plain HPA would decide on the same inputs; null with {@code decision}
 * @param actuation what the actuator did; null when nothing was asked of it
 * @param skipped why no decision was made; empty when one was
 */
public record TickOutcome(
    WorkloadPolicy policy,
    Instant now,
    WorkloadObservation observation,
    Forecast forecast,
    Optional<ForecastSummary> summary,
    Duration leadTime,
    Decision decision,
    Decision shadowHpa,
    ActuationResult actuation,
    String skipped) {

  public TickOutcome {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(leadTime, "leadTime");
    skipped = skipped == null ? "" : skipped;
  }

  static TickOutcome skipped(WorkloadPolicy policy, Instant now, Duration leadTime, String why) {
    return new TickOutcome(
        policy, now, null, null, Optional.empty(), leadTime, null, null, null, why);
  }

  /**
   * The same outcome with an empty load history in its observation (ending where it ended), so that
   * an outcome kept between ticks does not pin a copy of the workload's window in memory.
   */
  TickOutcome withoutHistory() {
    if (observation == null || observation.history().size() == 0) {
      return this;
    }
    return new TickOutcome(
        policy,
        now,
        observation.withoutHistory(),
        forecast,
        summary,
        leadTime,
        decision,
        shadowHpa,
        actuation,
        skipped);
  }

  public boolean decided() {
    return decision != null;
  }

  /** The replicas the workload should run from now on: the decision's, or the current count. */
  public int desiredReplicas() {
    if (decision != null) {
      return decision.replicas();
    }
    return observation == null ? -1 : observation.currentReplicas();
  }
}
