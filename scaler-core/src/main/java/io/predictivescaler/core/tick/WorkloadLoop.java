package io.predictivescaler.core.tick;

import io.predictivescaler.core.actuate.ActuationOutcome;
import io.predictivescaler.core.actuate.ActuationResult;
import io.predictivescaler.core.actuate.Actuator;
import io.predictivescaler.core.config.ScalingMode;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.decision.Decision;
import io.predictivescaler.core.decision.DecisionInput;
import io.predictivescaler.core.decision.DecisionPipeline;
import io.predictivescaler.core.decision.DecisionState;
import io.predictivescaler.core.decision.ForecastSummary;
import io.predictivescaler.core.decision.MetricInput;
import io.predictivescaler.core.decision.ScalingPolicy;
import io.predictivescaler.forecast.Forecast;
import io.predictivescaler.forecast.ForecastSettings;
import io.predictivescaler.forecast.SeriesForecaster;
import io.predictivescaler.forecast.TrustCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * One workload's control loop state: its policy, forecaster, decision state (and the shadow HPA's),
 * lead-time measurements and the last outcome. Ticked by {@link TickOrchestrator} on one thread;
 * only the forecaster's refit runs elsewhere.
 */
final class WorkloadLoop {

  private static final DecisionPipeline PIPELINE = new DecisionPipeline();

  private WorkloadPolicy policy;
  private ScalingPolicy scaling;
  private ForecastSettings forecastSettings;
  private SeriesForecaster forecaster;
  private LeadTimeEstimator leadTimes;
  private DecisionState state = DecisionState.initial();
  private DecisionState shadowState = DecisionState.initial();
  private long nextDueMillis = Long.MIN_VALUE;
  private volatile TickOutcome last;

  WorkloadLoop(WorkloadPolicy policy) {
    update(policy);
  }

  WorkloadPolicy policy() {
    return policy;
  }

  TickOutcome last() {
    return last;
  }

  SeriesForecaster forecaster() {
    return forecaster;
  }

  /** Applies a new policy; keeps the decision state, and the forecaster when its settings hold. */
  void update(WorkloadPolicy newPolicy) {
    ForecastSettings settings = PolicyTranslation.forecastSettings(newPolicy);
    if (forecaster == null || !settings.equals(forecastSettings)) {
      forecaster = new SeriesForecaster(settings);
      forecastSettings = settings;
    }
    if (leadTimes == null || policy == null || !newPolicy.leadTime().equals(policy.leadTime())) {
      leadTimes = new LeadTimeEstimator(newPolicy.leadTime().duration());
    }
    if (policy != null && !newPolicy.step().equals(policy.step())) {
      nextDueMillis = Long.MIN_VALUE;
    }
    policy = newPolicy;
    scaling = PolicyTranslation.scalingPolicy(newPolicy);
  }

  /**
   * Whether the workload's step has come round at {@code now}. A due time more than two steps ahead
   * (it is never more than one after a tick) means the clock stepped back: the workload is due at
   * once instead of waiting out the jump; a slew of less than a step just waits it out.
   */
  boolean due(Instant now) {
    long millis = now.toEpochMilli();
    return millis >= nextDueMillis || nextDueMillis - millis > 2 * policy.step().toMillis();
  }

  TickOutcome tick(
      Instant now,
      WorkloadObservation observation,
      RefitScheduler refits,
      BooleanSupplier mayActuate,
      Function<ScalingMode, Actuator> actuators) {
    scheduleNext(now);
    leadTimes.observe(now, observation.currentReplicas(), observation.readyReplicas());
    Duration lead = leadTime();
    Forecast forecast = forecast(now, observation, refits);
    Optional<ForecastSummary> summary = Optional.of(summarize(forecast, now, lead));

    MetricInput reactiveMetric = ReactiveTarget.of(policy, observation.metric());
    boolean trusted = summary.get().trusted();
    DecisionInput input =
        new DecisionInput(
            now,
            observation.currentReplicas(),
            observation.readyReplicas(),
            List.of(trusted ? observation.metric() : reactiveMetric),
            summary,
            scaling,
            state);
    Decision decision = PIPELINE.decide(input);
    Decision shadow =
        PIPELINE.decide(input.withMetrics(List.of(reactiveMetric)).asPlainHpa(shadowState));
    shadowState = shadow.nextStateIfNotApplied();

    ActuationResult actuation = null;
    if (!decision.changesReplicas()) {
      state = decision.nextState();
    } else if (policy.mode() == ScalingMode.DRY_RUN) {
      decision = decision.asDryRun();
      state = decision.nextState();
      actuation = ActuationResult.dryRun(decision.currentReplicas(), decision.replicas());
    } else if (!mayActuate.getAsBoolean()) {
      state = decision.nextStateIfNotApplied();
    } else {
      actuation =
          actuators
              .apply(policy.mode())
              .apply(policy.target(), decision.currentReplicas(), decision.replicas());
      state =
          actuation.outcome() == ActuationOutcome.APPLIED
              ? decision.nextState()
              : decision.nextStateIfNotApplied();
    }
    TickOutcome outcome =
        new TickOutcome(
            policy, now, observation, forecast, summary, lead, decision, shadow, actuation, "");
    last = outcome.withoutHistory();
    return outcome;
  }

  TickOutcome skip(Instant now, String why) {
    scheduleNext(now);
    TickOutcome outcome = TickOutcome.skipped(policy, now, leadTime(), why);
    last = outcome;
    return outcome;
  }

  /** The next step boundary after {@code now}: ticks are aligned to the workload's step. */
  private void scheduleNext(Instant now) {
    long stepMillis = policy.step().toMillis();
    nextDueMillis = Math.floorDiv(now.toEpochMilli(), stepMillis) * stepMillis + stepMillis;
  }

  private Duration leadTime() {
    Duration lead = policy.leadTime().auto() ? leadTimes.leadTime() : policy.leadTime().duration();
    return lead.compareTo(policy.horizon()) > 0 ? policy.horizon() : lead;
  }

  private Forecast forecast(Instant now, WorkloadObservation observation, RefitScheduler refits) {
    if (observation.history().size() == 0) {
      return null;
    }
    if (forecaster.refitDue(now)) {
      SeriesForecaster target = forecaster;
      var history = observation.history();
      refits.submit(policy.target(), () -> target.refit(history, now));
    }
    return forecaster.forecast(observation.history(), now);
  }

  private ForecastSummary summarize(Forecast forecast, Instant now, Duration lead) {
    if (forecast == null) {
      return ForecastSummary.insufficientHistory("none", "no load samples yet");
    }
    double peak = forecast.peakUpper(now.plus(lead), now.plus(policy.horizon()));
    if (Double.isNaN(peak)) {
      peak = forecast.peakUpper(forecast.origin(), now.plus(policy.horizon()));
    }
    if (forecast.trusted()) {
      return ForecastSummary.trusted(peak, forecast.model());
    }
    if (forecast.trust().code() == TrustCode.InsufficientHistory) {
      return ForecastSummary.insufficientHistory(forecast.model(), forecast.trust().reason());
    }
    return ForecastSummary.untrusted(peak, forecast.model(), forecast.trust().reason());
  }
}
