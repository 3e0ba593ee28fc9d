package io.predictivescaler.bench.strategy;

import io.predictivescaler.bench.sim.Decision;
import io.predictivescaler.bench.sim.Forecast;
import io.predictivescaler.bench.sim.ScalingStrategy;
import io.predictivescaler.bench.sim.TickInput;
import java.time.Duration;

/**
 * Test double for plumbing and report tests, standing in for a forecasting strategy: forecasts the
 * last observed load (band +- {@code bandFraction}) at the horizon and asks for the replicas the
 * band's top needs at the context's utilization. Not the real {@code hpa} or {@code predictive}.
 */
public final class LastValueTestStrategy implements ScalingStrategy {

  public static final String MODEL = "last-value-test";
  private final StrategyContext context;
  private final Duration horizon;
  private final double bandFraction;

  public LastValueTestStrategy(StrategyContext context) {
    this(context, 0.1);
  }

  public LastValueTestStrategy(StrategyContext context, double bandFraction) {
    this.context = context;
    this.horizon = context.horizon();
    this.bandFraction = bandFraction;
  }

  @Override
  public Decision decide(TickInput tick) {
    if (!tick.hasObservation()) {
      return Decision.of(tick.currentReplicas(), "NoSample");
    }
    double load = tick.observedLoad();
    Forecast forecast =
        new Forecast(
            tick.now().plus(horizon),
            load,
            load * (1 - bandFraction),
            load * (1 + bandFraction),
            MODEL);
    int replicas = (int) Math.ceil(forecast.upper() / context.targetLoadPerReplica());
    return new Decision(
        Math.max(context.scenario().minReplicas(), replicas), "LastValue", forecast);
  }
}
