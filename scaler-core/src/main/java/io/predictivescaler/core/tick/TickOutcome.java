package io.predictivescaler.core.tick;

import io.predictivescaler.core.actuate.ActuationOutcome;
import io.predictivescaler.core.actuate.ActuationResult;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.decision.Decision;
import io.predictivescaler.core.decision.ForecastSummary;
import io.predictivescaler.core.decision.ReasonCode;
import io.predictivescaler.forecast.Forecast;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One workload's tick: {@link Decided} (what was observed, forecast and decided, what a plain HPA
 * would have decided on the same inputs, and what the actuator did) or {@link Skipped} (no decision
 * could be made, and why).
 */
public sealed interface TickOutcome permits TickOutcome.Decided, TickOutcome.Skipped {

  /** The policy in force. */
  WorkloadPolicy policy();

  /** The tick time. */
  Instant now();

  /** The lead time used: configured, or measured when {@code leadTime: auto}. */
  Duration leadTime();

  /**
   * A tick that decided.
   *
   * @param observation what was read
   * @param forecasts each metric's forecast, in the policy's order of metrics
   * @param decision the decision
   * @param shadowHpa what a plain HPA would decide on the same inputs
   * @param actuation what the actuator did; null when nothing was asked of it (no change, or a
   *     follower)
   */
  record Decided(
      WorkloadPolicy policy,
      Instant now,
      WorkloadObservation observation,
      List<MetricForecast> forecasts,
      Duration leadTime,
      Decision decision,
      Decision shadowHpa,
      ActuationResult actuation)
      implements TickOutcome {

    public Decided {
      Objects.requireNonNull(policy, "policy");
      Objects.requireNonNull(now, "now");
      Objects.requireNonNull(observation, "observation");
      forecasts = List.copyOf(forecasts);
      if (forecasts.isEmpty()) {
        throw new IllegalArgumentException("a decided tick has one forecast per metric, got none");
      }
      Objects.requireNonNull(leadTime, "leadTime");
      Objects.requireNonNull(decision, "decision");
      Objects.requireNonNull(shadowHpa, "shadowHpa");
    }

    /** The first metric's full forecast; null when none was made. */
    public Forecast forecast() {
      return forecasts.get(0).forecast();
    }

    /** The first metric's calibration after this tick; null when no forecast was made. */
    public CalibrationStatus calibration() {
      return forecasts.get(0).calibration();
    }

    /** What the decision pipeline was given of the first metric's forecast. */
    public ForecastSummary summary() {
      return forecasts.get(0).summary();
    }

    /** Whether the actuator applied the decision's change to the cluster. */
    public boolean applied() {
      return actuation != null && actuation.outcome() == ActuationOutcome.APPLIED;
    }

    /**
     * Whether the dry-run actuator reported the decision instead of applying it: then the tick is
     * recorded as {@code DryRun}, the decision's own reason kept in the explanation.
     */
    public boolean dryRun() {
      return actuation != null && actuation.outcome() == ActuationOutcome.DRY_RUN;
    }

    /** The reason recorded for users (Events, logs, metrics, the ops API). */
    public ReasonCode reason() {
      return dryRun() ? ReasonCode.DRY_RUN : decision.reason();
    }

    /** The one line recorded for users. */
    public String explanation() {
      return dryRun() ? "dry-run, not applied: " + decision.explanation() : decision.explanation();
    }

    /**
     * The same outcome with an empty load history in its observation (ending where it ended), so
     * that an outcome kept between ticks does not pin a copy of the workload's window in memory.
     */
    Decided withoutHistory() {
      if (observation.metrics().stream().allMatch(m -> m.history().size() == 0)) {
        return this;
      }
      return new Decided(
          policy,
          now,
          observation.withoutHistory(),
          forecasts,
          leadTime,
          decision,
          shadowHpa,
          actuation);
    }
  }

  /**
   * A tick that could not decide.
   *
   * @param reason the stable code, e.g. {@link ReasonCode#TARGET_NOT_FOUND}
   * @param message one line for humans
   */
  record Skipped(
      WorkloadPolicy policy, Instant now, Duration leadTime, ReasonCode reason, String message)
      implements TickOutcome {

    public Skipped {
      Objects.requireNonNull(policy, "policy");
      Objects.requireNonNull(now, "now");
      Objects.requireNonNull(leadTime, "leadTime");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }

    /** {@code TargetNotFound: shop/checkout does not exist}. */
    @Override
    public String toString() {
      return reason.code() + ": " + message;
    }
  }
}
