package io.predictivescaler.bench.replay;

import io.predictivescaler.bench.strategy.StrategyFactory;
import io.predictivescaler.core.config.RiskBudget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of one {@code replay} (docs/ARCHITECTURE.md §9), already validated by the command
 * line.
 *
 * @param peakReplicas replicas the trace's peak needs at full capacity
 * @param step control step
 * @param horizon forecast horizon
 * @param startupDelay from asking for a pod to the pod being Ready
 * @param metricDelay how late the scalers see the load
 * @param utilization target utilization of {@code predictive}
 * @param hpaUtilization target utilization of {@code hpa}
 * @param strategies strategies to run, in report order
 * @param sweep the {@code --sweep} range, when asked; each swept strategy's {@link SweepKnob} turns
 *     it into values
 * @param policyFile the scaling policy (service ConfigMap schema), when given
 * @param risk {@code predictive}'s risk budget, when given ({@code --risk}); else the policy's
 */
public record ReplaySettings(
    int peakReplicas,
    Duration step,
    Duration horizon,
    Duration startupDelay,
    Duration metricDelay,
    double utilization,
    double hpaUtilization,
    List<String> strategies,
    Optional<SweepRange> sweep,
    Optional<Path> policyFile,
    Optional<RiskBudget> risk) {

  /** Replicas every strategy keeps at least. */
  public static final int MIN_REPLICAS = 1;

  /** Ceiling for strategies without a policy file, as a multiple of {@code peakReplicas}. */
  public static final int MAX_REPLICAS_PER_PEAK = 4;

  public ReplaySettings {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(horizon, "horizon");
    Objects.requireNonNull(startupDelay, "startupDelay");
    Objects.requireNonNull(metricDelay, "metricDelay");
    Objects.requireNonNull(sweep, "sweep");
    Objects.requireNonNull(policyFile, "policyFile");
    Objects.requireNonNull(risk, "risk");
    strategies = List.copyOf(strategies);
    if (peakReplicas < 1) {
      throw new IllegalArgumentException("peakReplicas must be >= 1, got " + peakReplicas);
    }
  }

  /** Settings without a risk override. */
  public ReplaySettings(
      int peakReplicas,
      Duration step,
      Duration horizon,
      Duration startupDelay,
      Duration metricDelay,
      double utilization,
      double hpaUtilization,
      List<String> strategies,
      Optional<SweepRange> sweep,
      Optional<Path> policyFile) {
    this(
        peakReplicas,
        step,
        horizon,
        startupDelay,
        metricDelay,
        utilization,
        hpaUtilization,
        strategies,
        sweep,
        policyFile,
        Optional.empty());
  }

  /** The settings each window of {@code --windows} replays at: hpa and predictive, no sweep. */
  public ReplaySettings forWindows() {
    return new ReplaySettings(
        peakReplicas,
        step,
        horizon,
        startupDelay,
        metricDelay,
        utilization,
        hpaUtilization,
        List.of(StrategyFactory.HPA, StrategyFactory.PREDICTIVE),
        Optional.empty(),
        policyFile,
        risk);
  }

  /** These settings with {@code predictive}'s risk budget at {@code budget}. */
  public ReplaySettings withRisk(RiskBudget budget) {
    return new ReplaySettings(
        peakReplicas,
        step,
        horizon,
        startupDelay,
        metricDelay,
        utilization,
        hpaUtilization,
        strategies,
        sweep,
        policyFile,
        Optional.of(budget));
  }

  /** Target utilization a strategy runs at outside a sweep. */
  public double utilizationFor(String strategy) {
    return switch (strategy) {
      case StrategyFactory.HPA -> hpaUtilization;
      case StrategyFactory.ORACLE -> 1.0;
      default -> utilization;
    };
  }

  /**
   * These settings with {@code strategy}'s target utilization at {@code value}: {@code
   * hpaUtilization} for {@code hpa}, {@code utilization} for any other (the oracle's is fixed).
   */
  public ReplaySettings withUtilizationFor(String strategy, double value) {
    if (strategy.equals(StrategyFactory.ORACLE)) {
      throw new IllegalArgumentException("the oracle's utilization is fixed at 1");
    }
    boolean hpa = strategy.equals(StrategyFactory.HPA);
    return new ReplaySettings(
        peakReplicas,
        step,
        horizon,
        startupDelay,
        metricDelay,
        hpa ? utilization : value,
        hpa ? value : hpaUtilization,
        strategies,
        sweep,
        policyFile,
        risk);
  }

  public int maxReplicas() {
    return peakReplicas * MAX_REPLICAS_PER_PEAK;
  }
}
