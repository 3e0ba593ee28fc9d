package io.predictivescaler.core.service;

import io.predictivescaler.core.actuate.ActuationOutcome;
import io.predictivescaler.core.actuate.ActuationResult;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.decision.Decision;
import io.predictivescaler.core.explain.DecisionRecord;
import io.predictivescaler.core.explain.DecisionRecorder;
import io.predictivescaler.core.tick.MetricForecast;
import io.predictivescaler.core.tick.MetricObservation;
import io.predictivescaler.core.tick.TickListener;
import io.predictivescaler.core.tick.TickOutcome;
import io.predictivescaler.forecast.Forecast;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
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
  private final Map<TargetRef, Map<String, ForecastTrack>> tracks = new ConcurrentHashMap<>();
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
    List<ForecastPoint> points = addPoints(outcome);
    recorder.record(toRecord(outcome, ForecastTrack.error(points.get(0))), actuation(outcome));
    calibration.update(target, outcome.calibration());
  }

  @Override
  public void onRemoved(TargetRef target) {
    tracks.remove(target);
    lastSkip.remove(target);
    recorder.forget(target);
    calibration.forget(target);
  }

  /** The workload's first metric's forecast vs actual over the last hour, oldest first. */
  List<ForecastPoint> track(TargetRef target) {
    Map<String, ForecastTrack> byMetric = tracks.getOrDefault(target, Map.of());
    return byMetric.isEmpty() ? List.of() : byMetric.values().iterator().next().points();
  }

  /** One metric's forecast vs actual over the last hour, oldest first. */
  List<ForecastPoint> track(TargetRef target, String metric) {
    ForecastTrack track = tracks.getOrDefault(target, Map.of()).get(metric);
    return track == null ? List.of() : track.points();
  }

  /**
   * Adds the tick's point to each metric's track, the metrics of the policy in force only (a metric
   * the policy no longer lists loses its track); returns the points in the policy's order.
   */
  private List<ForecastPoint> addPoints(TickOutcome.Decided outcome) {
    Map<String, ForecastTrack> previous = tracks.getOrDefault(outcome.policy().target(), Map.of());
    Map<String, ForecastTrack> next = new LinkedHashMap<>();
    List<ForecastPoint> points = new ArrayList<>();
    for (int i = 0; i < outcome.forecasts().size(); i++) {
      MetricForecast forecast = outcome.forecasts().get(i);
      ForecastTrack track = previous.getOrDefault(forecast.metric(), new ForecastTrack());
      next.put(forecast.metric(), track);
      points.add(
          track.add(
              outcome.now(),
              observedLoad(outcome, i),
              forecast.forecast(),
              outcome.policy().horizon()));
    }
    tracks.put(outcome.policy().target(), Collections.unmodifiableMap(next));
    return points;
  }

  private static double observedLoad(TickOutcome.Decided outcome, int metric) {
    List<MetricObservation> observed = outcome.observation().metrics();
    return metric < observed.size() ? observed.get(metric).observedLoad() : Double.NaN;
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
