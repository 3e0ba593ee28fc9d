package io.predictivescaler.bench.strategy;

import io.predictivescaler.bench.sim.Scenario;
import io.predictivescaler.core.config.RiskBudget;
import io.predictivescaler.forecast.SharedFits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a strategy is built from for one replay.
 *
 * <p>{@link #scenario()} carries the whole future load: only the oracle may read {@code
 * scenario().load()}. Every other strategy takes load from {@link
 * io.predictivescaler.bench.sim.TickInput} and reads just the scenario's timing and capacity.
 *
 * @param name the strategy's name, e.g. {@code hpa}
 * @param scenario the replayed scenario (timing, capacity per replica, min replicas)
 * @param utilization target utilization of Ready capacity, in (0, 2]: {@code --hpa-utilization} for
 *     {@code hpa}, {@code --utilization} for {@code predictive}, 1 for {@code oracle}, or the
 *     sweep's value (above 1 only at the cheap end of {@code predictive}'s sweep: sized for more
 *     load per replica than a replica serves)
 * @param horizon how far ahead a forecasting strategy looks ({@code --horizon})
 * @param maxReplicas the ceiling a strategy without a policy file uses
 * @param policyFile the {@code --policy} file (service ConfigMap schema), when given
 * @param reactiveUtilization target utilization of a reactive fallback ({@code --hpa-utilization}):
 *     what {@code predictive} scales on while its forecast is not trusted
 * @param risk the risk budget {@code predictive} runs under, overriding the policy's, when given
 * @param fits model choices and fits shared by the forecasting runs of one replay, which all
 *     forecast the same load
 */
public record StrategyContext(
    String name,
    Scenario scenario,
    double utilization,
    Duration horizon,
    int maxReplicas,
    Optional<Path> policyFile,
    double reactiveUtilization,
    Optional<RiskBudget> risk,
    SharedFits fits) {

  /** The highest target utilization a strategy may be built with. */
  public static final double MAX_UTILIZATION = 2;

  public StrategyContext {
    Objects.requireNonNull(fits, "fits");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(horizon, "horizon");
    Objects.requireNonNull(policyFile, "policyFile");
    Objects.requireNonNull(risk, "risk");
    if (!(utilization > 0 && utilization <= MAX_UTILIZATION)) {
      throw new IllegalArgumentException(
          "utilization must be in (0, " + MAX_UTILIZATION + "], got " + utilization);
    }
    if (!(reactiveUtilization > 0 && reactiveUtilization <= 1)) {
      throw new IllegalArgumentException(
          "reactiveUtilization must be in (0, 1], got " + reactiveUtilization);
    }
    if (maxReplicas < scenario.minReplicas()) {
      throw new IllegalArgumentException(
          "maxReplicas must be >= minReplicas " + scenario.minReplicas() + ", got " + maxReplicas);
    }
  }

  /**
   * A context without a policy file or risk override, whose reactive fallback runs at the same
   * utilization and whose forecaster fits on its own.
   */
  public static StrategyContext of(
      String name, Scenario scenario, double utilization, Duration horizon, int maxReplicas) {
    return new StrategyContext(
        name,
        scenario,
        utilization,
        horizon,
        maxReplicas,
        Optional.empty(),
        utilization,
        Optional.empty(),
        SharedFits.NONE);
  }

  /** The same context with its reactive fallback at {@code reactive} utilization. */
  public StrategyContext withReactiveUtilization(double reactive) {
    return new StrategyContext(
        name, scenario, utilization, horizon, maxReplicas, policyFile, reactive, risk, fits);
  }

  /** The same context with {@code budget} overriding the policy's risk budget, when given. */
  public StrategyContext withRisk(Optional<RiskBudget> budget) {
    return new StrategyContext(
        name,
        scenario,
        utilization,
        horizon,
        maxReplicas,
        policyFile,
        reactiveUtilization,
        budget,
        fits);
  }

  /** Load one replica of a reactive fallback should carry. */
  public double reactiveLoadPerReplica() {
    return scenario.capacityPerReplica() * reactiveUtilization;
  }

  /** Load one replica should carry at the target utilization. */
  public double targetLoadPerReplica() {
    return scenario.capacityPerReplica() * utilization;
  }
}
