package io.predictivescaler.bench.strategy;

import io.predictivescaler.bench.sim.Decision;
import io.predictivescaler.bench.sim.PeakBands;
import io.predictivescaler.bench.sim.ScalingStrategy;
import io.predictivescaler.bench.sim.TickInput;
import io.predictivescaler.collector.window.RollingWindow;
import io.predictivescaler.core.actuate.ActuationResult;
import io.predictivescaler.core.actuate.Actuator;
import io.predictivescaler.core.config.ScalingMode;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.tick.CalibrationStatus;
import io.predictivescaler.core.tick.RefitScheduler;
import io.predictivescaler.core.tick.TickListener;
import io.predictivescaler.core.tick.TickOrchestrator;
import io.predictivescaler.core.tick.TickOutcome;
import io.predictivescaler.core.tick.WindowObservation;
import io.predictivescaler.forecast.Forecast;
import io.predictivescaler.forecast.peak.PeakBand;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * predictive-scaler itself: the service's {@link TickOrchestrator} (window, forecaster with its
 * refit schedule and trust verdict, decision pipeline) driven by the replay's virtual clock, with
 * the simulated cluster as its observer and actuator. Refits run inline so that replays are
 * deterministic.
 */
public final class PredictiveStrategy implements ScalingStrategy {

  private final WorkloadPolicy policy;
  private final RollingWindow window;
  private final TickOrchestrator orchestrator;
  private TickInput tick;
  private int desired;

  public PredictiveStrategy(StrategyContext context) {
    this.policy = ReplayPolicy.forStrategy(context);
    this.window = RollingWindow.withDefaultRetention(policy.step());
    this.orchestrator =
        new TickOrchestrator(
            (p, now) ->
                Optional.of(
                    WindowObservation.of(
                        p, tick.currentReplicas(), tick.readyReplicas(), window.snapshot(), now)),
            mode -> new SimulatedScale(),
            RefitScheduler.inline(),
            () -> true,
            TickListener.none());
    orchestrator.sharingFits(context.fits());
    orchestrator.applyPolicies(List.of(policy));
  }

  @Override
  public Decision decide(TickInput input) {
    tick = input;
    desired = input.currentReplicas();
    if (input.hasObservation()) {
      window.append(input.observedAt(), input.observedLoad(), input.now());
    }
    List<TickOutcome> outcomes = orchestrator.tick(input.now());
    if (outcomes.isEmpty()) {
      return Decision.of(desired, "NotDue");
    }
    TickOutcome outcome = outcomes.get(0);
    if (outcome instanceof TickOutcome.Skipped skipped) {
      return Decision.of(desired, skipped.reason().code());
    }
    TickOutcome.Decided decided = (TickOutcome.Decided) outcome;
    return new Decision(
        desired, decided.reason().code(), reported(decided, input), peakBands(decided));
  }

  /**
   * The tick's calibrated peak bands at every level, over the lead window the calibration scores
   * them on: from the newest sample to {@code now + lead time + one step}, in whole series steps;
   * null before the bands are calibrated.
   */
  private PeakBands peakBands(TickOutcome.Decided outcome) {
    CalibrationStatus calibration = outcome.calibration();
    if (calibration == null || !calibration.band().calibrated()) {
      return null;
    }
    PeakBand band = calibration.band();
    var history = outcome.observation().history();
    long step = history.stepSeconds();
    Instant from = history.end();
    Instant until = outcome.now().plus(outcome.leadTime()).plus(policy.step());
    long span = Math.max(step, until.getEpochSecond() - from.getEpochSecond());
    long leadSteps = -Math.floorDiv(-span, step);
    return new PeakBands(
        from,
        from.plusSeconds(leadSteps * step),
        band.levels(),
        band.bands(),
        calibration.chosenLevel(),
        calibration.choice() == null ? null : calibration.choice().chosen().name());
  }

  /**
   * What the report shows of this tick's forecast: at the end of the lead window (the last moment
   * the capacity asked for now has to cover), the point forecast and the calibrated peak band the
   * decision sized capacity for; the forecaster's own per-step band where no peak band was used.
   */
  private io.predictivescaler.bench.sim.Forecast reported(
      TickOutcome.Decided outcome, TickInput input) {
    Forecast f = outcome.forecast();
    if (f == null || f.steps() == 0) {
      return null;
    }
    Instant target = input.now().plus(outcome.leadTime()).plus(policy.step());
    Instant last = f.timeAt(f.steps() - 1);
    if (target.isAfter(last)) {
      target = last;
    }
    double point = f.pointAt(target);
    double band = outcome.summary().peakUpperLoad();
    double upper = outcome.summary().trusted() && Double.isFinite(band) ? band : f.upperAt(target);
    return new io.predictivescaler.bench.sim.Forecast(target, point, point, upper, f.model());
  }

  /** The simulated cluster's scale subresource: the simulator applies what is asked. */
  private final class SimulatedScale implements Actuator {

    @Override
    public ScalingMode mode() {
      return ScalingMode.SCALE;
    }

    @Override
    public ActuationResult apply(TargetRef target, int currentReplicas, int desiredReplicas) {
      desired = desiredReplicas;
      return ActuationResult.applied(currentReplicas, desiredReplicas);
    }
  }
}
