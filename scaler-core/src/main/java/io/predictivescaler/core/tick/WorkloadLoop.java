package io.predictivescaler.core.tick;

import io.predictivescaler.core.actuate.ActuationOutcome;
import io.predictivescaler.core.actuate.ActuationResult;
import io.predictivescaler.core.actuate.Actuator;
import io.predictivescaler.core.config.PrometheusMetric;
import io.predictivescaler.core.config.ScalingMode;
import io.predictivescaler.core.counterfactual.CandidateLog;
import io.predictivescaler.core.counterfactual.CounterfactualChoice;
import io.predictivescaler.core.counterfactual.LightCluster;
import io.predictivescaler.core.counterfactual.RiskChooser;
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
import io.predictivescaler.forecast.peak.PeakBand;
import io.predictivescaler.forecast.peak.PeakCalibrator;
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

  /** A band whose recent coverage is this far below its level has lost calibration. */
  private static final double COLLAPSE_MARGIN = 0.15;

  private static final Duration CANDIDATE_BUCKET = Duration.ofMinutes(1);
  private static final Duration CANDIDATE_SPAN = Duration.ofHours(12);
  private static final Duration MIN_CANDIDATE_SPAN = Duration.ofHours(2);

  private WorkloadPolicy policy;
  private ScalingPolicy scaling;
  private ForecastSettings forecastSettings;
  private SeriesForecaster forecaster;
  private LeadTimeEstimator leadTimes;
  private PeakCalibrator calibrator = new PeakCalibrator();
  private CandidateLog candidates;
  private CounterfactualChoice choice;
  private Instant chosenAt;
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
      calibrator = new PeakCalibrator();
      candidates = null;
      choice = null;
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

  /** Whether the workload's step has come round at {@code now}. */
  boolean due(Instant now) {
    return now.toEpochMilli() >= nextDueMillis;
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
    PeakBand band = calibrate(now, observation, forecast, lead);
    choose(now, observation, band, lead);
    Optional<ForecastSummary> summary = Optional.of(summarize(forecast, band));

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

  /**
   * The calibrated peak over the lead window: from the newest sample (which the metric delay makes
   * older than {@code now}) to {@code now + lead + one step}, when capacity asked for now is Ready
   * and the next tick can correct it.
   */
  private PeakBand calibrate(
      Instant now, WorkloadObservation observation, Forecast forecast, Duration lead) {
    if (forecast == null) {
      return null;
    }
    var history = observation.history();
    long step = history.stepSeconds();
    long until = now.plus(lead).getEpochSecond() + policy.step().getSeconds();
    long span = Math.max(step, until - history.end().getEpochSecond());
    int leadSteps = (int) Math.min(Integer.MAX_VALUE, -Math.floorDiv(-span, step));
    return calibrator.update(history, forecast.point(), leadSteps);
  }

  /**
   * Records what this tick saw for counterfactual replays and, on the re-pick schedule, replays the
   * recent history for every candidate and keeps the cheapest within the risk budget.
   */
  private void choose(Instant now, WorkloadObservation observation, PeakBand band, Duration lead) {
    if (band == null || !(policy.metric() instanceof PrometheusMetric metric)) {
      return;
    }
    long bucket = Math.max(CANDIDATE_BUCKET.getSeconds(), policy.step().getSeconds());
    if (candidates == null || candidates.bucketSeconds() != bucket) {
      candidates =
          new CandidateLog(
              bucket, (int) (CANDIDATE_SPAN.getSeconds() / bucket), PeakCalibrator.LEVELS.length);
    }
    candidates.record(
        now.getEpochSecond(), band.last(), band.calibrated() ? band.bands() : null);
    boolean due = chosenAt == null || !now.isBefore(chosenAt.plus(forecastSettings.repickInterval()));
    if (!due || candidates.size() * bucket < MIN_CANDIDATE_SPAN.getSeconds()) {
      return;
    }
    long delay = Math.max(0, now.getEpochSecond() - observation.history().end().getEpochSecond());
    LightCluster cluster =
        new LightCluster(
            bucket,
            (int) -Math.floorDiv(-delay, bucket),
            (int) Math.max(1, -Math.floorDiv(-lead.getSeconds(), bucket)),
            (int) (scaling.behavior().scaleDown().stabilizationWindow().getSeconds() / bucket),
            policy.minReplicas(),
            policy.maxReplicas(),
            metric.targetPerReplica(),
            metric.reactiveTargetPerReplica(),
            Math.max(scaling.tolerance().up(), scaling.tolerance().down()));
    choice = RiskChooser.choose(candidates, cluster, PeakCalibrator.LEVELS, Double.NaN);
    chosenAt = now;
  }

  private ForecastSummary summarize(Forecast forecast, PeakBand band) {
    if (forecast == null || band == null) {
      return ForecastSummary.insufficientHistory("none", "no load samples yet");
    }
    String model = forecast.fittedAt() == null ? "last-value" : forecast.model();
    double level = choice == null ? policy.quantile() : choice.level();
    if (choice != null && choice.hpaChosen()) {
      return ForecastSummary.untrusted(
          band.at(policy.quantile()), model, "counterfactual replay chose the plain HPA: " + choice.rule());
    }
    if (!band.calibrated()) {
      return ForecastSummary.insufficientHistory(
          model,
          "peak band calibrating: "
              + band.scores()
              + " of "
              + PeakCalibrator.MIN_SCORES
              + " outcomes seen");
    }
    double coverage = band.coverageAt(level);
    if (coverage < level - COLLAPSE_MARGIN) {
      return ForecastSummary.untrusted(
          band.at(level),
          model,
          String.format(
              java.util.Locale.ROOT,
              "peak band coverage %.1f%% far below its %.1f%% level: calibration collapsed",
              100 * coverage,
              100 * level));
    }
    return ForecastSummary.trusted(band.at(level), model);
  }
}
