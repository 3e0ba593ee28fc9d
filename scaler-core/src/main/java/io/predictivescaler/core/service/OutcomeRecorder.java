package io.predictivescaler.core.service;

import io.predictivescaler.core.actuate.ActuationOutcome;
import io.predictivescaler.core.actuate.ActuationResult;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.decision.Decision;
import io.predictivescaler.core.explain.DecisionRecord;
import io.predictivescaler.core.explain.DecisionRecorder;
import io.predictivescaler.core.tick.TickListener;
import io.predictivescaler.core.tick.TickOutcome;
import io.predictivescaler.forecast.Forecast;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each tick's outcome into what SREs read: a {@link DecisionRecord} for the {@link
 * DecisionRecorder} (meters; Event and one log line when something changed), the meters of the
 * counterfactual choice, and a point of the workload's forecast-vs-actual track for the ops API.
 * Runs on the tick workers, several workloads at once; never two calls for one workload at once.
 */
final class OutcomeRecorder implements TickListener {

  private static final Logger LOG = LoggerFactory.getLogger(OutcomeRecorder.class);

  private final DecisionRecorder recorder;
  private final CalibrationMeters calibration;
  private final BooleanSupplier mayActuate;
  private final Map<TargetRef, ForecastTrack> tracks = new ConcurrentHashMap<>();
  private final Map<TargetRef, String> lastSkip = new ConcurrentHashMap<>();

  /**
   * @param calibration the meters of each workload's counterfactual choice
   * @param mayActuate whether this replica writes; followers keep meters but leave Events to the
   *     leader
   */
  OutcomeRecorder(
      DecisionRecorder recorder, CalibrationMeters calibration, BooleanSupplier mayActuate) {
    this.recorder = Objects.requireNonNull(recorder, "recorder");
    this.calibration = Objects.requireNonNull(calibration, "calibration");
    this.mayActuate = Objects.requireNonNull(mayActuate, "mayActuate");
  }

  @Override
  public void onTick(TickOutcome tick) {
    TargetRef target = tick.policy().target();
    if (tick instanceof TickOutcome.Skipped skipped) {
      String why = skipped.toString();
      if (!why.equals(lastSkip.put(target, why))) {
        LOG.atWarn()
            .addKeyValue("workload", target.namespace() + "/" + target.name())
            .addKeyValue("reason", skipped.reason().code())
            .log("no decision: {}", why);
      }
      return;
    }
    TickOutcome.Decided outcome = (TickOutcome.Decided) tick;
    lastSkip.remove(target);
    ForecastPoint point =
        tracks
            .computeIfAbsent(target, t -> new ForecastTrack())
            .add(
                outcome.now(),
                outcome.observation().observedLoad(),
                outcome.forecast(),
                outcome.policy().horizon());
    recorder.record(toRecord(outcome, ForecastTrack.error(point)), actuation(outcome));
    calibration.update(target, outcome.calibration());
  }

  @Override
  public void onRemoved(TargetRef target) {
    tracks.remove(target);
    lastSkip.remove(target);
    recorder.forget(target);
    calibration.forget(target);
  }

  /** The workload's forecast vs actual over the last hour, oldest first. */
  List<ForecastPoint> track(TargetRef target) {
    ForecastTrack track = tracks.get(target);
    return track == null ? List.of() : track.points();
  }

  private ActuationResult actuation(TickOutcome.Decided outcome) {
    ActuationResult actuation = outcome.actuation();
    int current = outcome.decision().currentReplicas();
    if (actuation == null) {
      return ActuationResult.unchanged(current);
    }
    if (actuation.outcome() == ActuationOutcome.DRY_RUN && !mayActuate.getAsBoolean()) {
      return ActuationResult.unchanged(current);
    }
    return actuation;
  }

  static DecisionRecord toRecord(TickOutcome.Decided outcome, Double forecastError) {
    Decision decision = outcome.decision();
    Forecast forecast = outcome.forecast();
    Instant atHorizon = outcome.now().plus(outcome.policy().horizon());
    return new DecisionRecord(
        outcome.policy().target(),
        outcome.now(),
        decision.currentReplicas(),
        decision.replicas(),
        outcome.reason(),
        outcome.explanation(),
        outcome.policy().mode(),
        outcome.summary().trusted(),
        outcome.shadowHpa().replicas(),
        outcome.observation().observedLoad(),
        forecast == null ? null : ForecastTrack.finite(forecast.pointAt(atHorizon)),
        forecast == null ? null : ForecastTrack.finite(forecast.upperAt(atHorizon)),
        forecastError);
  }
}
