package io.predictivescaler.core.tick;

import io.predictivescaler.core.actuate.ActuationResult;
import io.predictivescaler.core.actuate.Actuator;
import io.predictivescaler.core.config.MetricSpec;
import io.predictivescaler.core.config.ScalingMode;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.decision.Decision;
import io.predictivescaler.core.decision.DecisionInput;
import io.predictivescaler.core.decision.DecisionPipeline;
import io.predictivescaler.core.decision.DecisionState;
import io.predictivescaler.core.decision.ForecastSummary;
import io.predictivescaler.core.decision.ReasonCode;
import io.predictivescaler.core.decision.ScalingPolicy;
import io.predictivescaler.core.decision.TotalMetric;
import io.predictivescaler.forecast.ForecastSettings;
import io.predictivescaler.forecast.SeriesForecaster;
import io.predictivescaler.forecast.SharedFits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * One workload's control loop state: its policy, a forecast track per metric, decision state (and
 * the shadow HPA's, which decides from the workload's replicas, and the {@link ShadowCluster}'s, a
 * plain HPA with replicas of its own), lead-time measurements and its next due time. Touched by one
 * thread at a time: the tick thread while it claims the workload ({@link #claim}) or gives it a new
 * policy, then whichever thread runs the claimed {@link WorkloadTick}, which hands it back when
 * done. Only the forecaster's refit runs elsewhere.
 */
final class WorkloadLoop {
  private final SharedFits sharedFits;

  private static final DecisionPipeline PIPELINE = new DecisionPipeline();

  private WorkloadPolicy policy;
  private ScalingPolicy scaling;
  private ForecastSettings forecastSettings;
  private List<MetricTrack> tracks = List.of();
  private LeadTimeEstimator leadTimes;
  private DecisionState state = DecisionState.initial();
  private DecisionState shadowState = DecisionState.initial();
  private ShadowCluster shadowCluster = new ShadowCluster();
  private DecisionState shadowClusterState = DecisionState.initial();
  private long nextDueMillis = Long.MIN_VALUE;

  WorkloadLoop(WorkloadPolicy policy, SharedFits sharedFits) {
    this.sharedFits = sharedFits;
    update(policy);
  }

  WorkloadPolicy policy() {
    return policy;
  }

  /** The first metric's forecaster. */
  SeriesForecaster forecaster() {
    return tracks.get(0).forecaster();
  }

  /** Each metric's forecaster by metric name, in the policy's order of metrics. */
  Map<String, SeriesForecaster> forecasters() {
    Map<String, SeriesForecaster> out = new LinkedHashMap<>();
    tracks.forEach(track -> out.put(track.metric(), track.forecaster()));
    return out;
  }

  /**
   * Applies a new policy; keeps the decision state, and each metric's forecast track while its
   * forecaster settings hold and the metric is still listed (matched by name).
   */
  void update(WorkloadPolicy newPolicy) {
    ForecastSettings settings = PolicyTranslation.forecastSettings(newPolicy);
    boolean keepTracks = settings.equals(forecastSettings);
    forecastSettings = settings;
    if (leadTimes == null || policy == null || !newPolicy.leadTime().equals(policy.leadTime())) {
      leadTimes = new LeadTimeEstimator(newPolicy.leadTime().duration());
    }
    if (policy != null && !newPolicy.step().equals(policy.step())) {
      nextDueMillis = Long.MIN_VALUE;
    }
    if (policy != null && !newPolicy.equals(policy)) {
      // the calibration forgets what ran under the old policy; the shadow starts again beside it
      shadowCluster = new ShadowCluster();
      shadowClusterState = DecisionState.initial();
    }
    policy = newPolicy;
    scaling = PolicyTranslation.scalingPolicy(newPolicy);
    Map<String, MetricTrack> kept = new HashMap<>();
    if (keepTracks) {
      tracks.forEach(track -> kept.put(track.metric(), track));
    }
    List<MetricTrack> next = new ArrayList<>(newPolicy.metrics().size());
    for (MetricSpec metric : newPolicy.metrics()) {
      WorkloadPolicy view = newPolicy.forMetric(metric);
      MetricTrack track = kept.get(metric.name());
      next.add(
          track == null
              ? new MetricTrack(view, scaling, settings, sharedFits)
              : track.withPolicy(view, scaling));
    }
    tracks = List.copyOf(next);
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

  /**
   * Claims the tick at {@code now}: the workload is next due at the step boundary after it, which
   * this returns.
   */
  Instant claim(Instant now) {
    scheduleNext(now);
    return Instant.ofEpochMilli(nextDueMillis);
  }

  /**
   * One tick: observe (lead time), forecast, decide (and shadow-decide as a plain HPA), actuate,
   * record. When the budget no longer allows acting on the decision, the tick is skipped with
   * {@link ReasonCode#TICK_DEADLINE_EXCEEDED} and the decision state is left as it was.
   */
  TickOutcome tick(
      Instant now,
      WorkloadObservation observation,
      RefitScheduler refits,
      BooleanSupplier mayActuate,
      Function<ScalingMode, Actuator> actuators,
      TickBudget budget) {
    budget.entering(TickPhase.FORECAST);
    Duration lead = observeLeadTime(now, observation);
    ReplicaCounts twin =
        policy.mode() == ScalingMode.SCALE && allTotals(observation)
            ? shadowCluster.at(now, observation.currentReplicas())
            : null;
    List<MetricForecast> forecasts = new ArrayList<>(tracks.size());
    for (int i = 0; i < tracks.size(); i++) {
      forecasts.add(
          tracks.get(i).tick(now, observation.forMetric(i), lead, policy.target(), refits, twin));
    }
    budget.entering(TickPhase.DECIDE);
    DecisionInput input = decisionInput(now, observation, forecasts);
    Decision decision = PIPELINE.decide(input);
    Decision shadow = PIPELINE.decide(input.asPlainHpa(shadowState));
    Decision twinDecision =
        twin == null
            ? null
            : PIPELINE.decide(
                input.asPlainHpa(shadowClusterState).withReplicas(twin.desired(), twin.ready()));
    if (!budget.mayCommit()) {
      return new TickOutcome.Skipped(
          policy,
          now,
          lead,
          ReasonCode.TICK_DEADLINE_EXCEEDED,
          "decided "
              + decision.currentReplicas()
              + " -> "
              + decision.replicas()
              + " ("
              + decision.reason().code()
              + ") only after the tick's time budget ran out; discarded: nothing actuated, the"
              + " decision state unchanged");
    }
    budget.entering(TickPhase.ACTUATE);
    ActuationResult actuation = actuate(decision, actuators, mayActuate);
    if (twinDecision != null) {
      shadowCluster.scaleTo(now, twinDecision.replicas(), lead);
      shadowClusterState = twinDecision.nextState(true);
    }
    return record(
        new TickOutcome.Decided(
            policy, now, observation, forecasts, lead, decision, shadow, actuation));
  }

  TickOutcome.Skipped skip(Instant now, ReasonCode reason, String message) {
    return new TickOutcome.Skipped(policy, now, leadTime(), reason, message);
  }

  /**
   * Whether every metric is one total for the workload: only then does the shadow HPA's sizing not
   * depend on per-pod readings of pods it does not have. (It runs in scale mode only: in dry-run or
   * hpa-floor mode the replicas that ran are not the decisions', so there is nothing to measure the
   * counterfactual figures against.)
   */
  private static boolean allTotals(WorkloadObservation observation) {
    for (MetricObservation m : observation.metrics()) {
      if (!(m.metric() instanceof TotalMetric)) {
        return false;
      }
    }
    return true;
  }

  private Duration observeLeadTime(Instant now, WorkloadObservation observation) {
    leadTimes.observe(now, observation.currentReplicas(), observation.readyReplicas());
    return leadTime();
  }

  private DecisionInput decisionInput(
      Instant now, WorkloadObservation observation, List<MetricForecast> forecasts) {
    Map<String, ForecastSummary> summaries = new HashMap<>();
    forecasts.forEach(f -> summaries.put(f.metric(), f.summary()));
    return new DecisionInput(
        now,
        observation.currentReplicas(),
        observation.readyReplicas(),
        observation.metrics().stream().map(MetricObservation::metric).toList(),
        summaries,
        scaling,
        state);
  }

  /**
   * Hands a change of replicas to the workload's actuator; null when there is nothing to change, or
   * when the actuator writes to the cluster and this instance is not the leader.
   */
  private ActuationResult actuate(
      Decision decision, Function<ScalingMode, Actuator> actuators, BooleanSupplier mayActuate) {
    if (!decision.changesReplicas()) {
      return null;
    }
    Actuator actuator = actuators.apply(policy.mode());
    if (actuator.writesToCluster() && !mayActuate.getAsBoolean()) {
      return null;
    }
    return actuator.apply(policy.target(), decision.currentReplicas(), decision.replicas());
  }

  /**
   * Keeps what the next tick needs: the decision state (with a scale event only when the change was
   * applied) and the shadow HPA's (never applied).
   */
  private TickOutcome.Decided record(TickOutcome.Decided outcome) {
    state = outcome.decision().nextState(outcome.applied());
    shadowState = outcome.shadowHpa().nextState(false);
    return outcome;
  }

  /** The next step boundary after {@code now}: ticks are aligned to the workload's step. */
  private void scheduleNext(Instant now) {
    long stepMillis = policy.step().toMillis();
    nextDueMillis = Math.floorDiv(now.toEpochMilli(), stepMillis) * stepMillis + stepMillis;
  }

  /** Adds lead times measured outside the ticks (the current pods' start-up times). */
  void recordLeadTimes(List<Duration> measured) {
    leadTimes.record(measured);
  }

  /** The lead time the next decision would use: configured, or measured so far. */
  Duration leadTime() {
    Duration lead = policy.leadTime().auto() ? leadTimes.leadTime() : policy.leadTime().duration();
    return lead.compareTo(policy.horizon()) > 0 ? policy.horizon() : lead;
  }
}
