package io.predictivescaler.bench.report;

import io.predictivescaler.bench.replay.ReplayResult;
import io.predictivescaler.bench.sim.Scenario;
import io.predictivescaler.bench.sim.SimulationResult;
import io.predictivescaler.bench.strategy.StrategyFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The per-tick series a replay contributes to the report's charts, in replicas' worth: load and
 * forecasts divided by the capacity of one replica, replica counts as they are. Bounded by a few
 * times the peak replicas whatever the trace's unit, so any finite load plots.
 */
final class RunSeries {

  private RunSeries() {}

  static double[] load(Scenario scenario) {
    return inReplicas(scenario.load(), scenario);
  }

  static double[] ready(SimulationResult run) {
    return asDoubles(run.ready());
  }

  /** Replicas asked for: Ready and starting. */
  static double[] asked(SimulationResult run) {
    return asDoubles(run.replicas());
  }

  static double[] forecastPoint(SimulationResult run) {
    return inReplicas(run.forecastPoint(), run.scenario());
  }

  static double[] forecastLower(SimulationResult run) {
    return inReplicas(run.forecastLower(), run.scenario());
  }

  static double[] forecastUpper(SimulationResult run) {
    return inReplicas(run.forecastUpper(), run.scenario());
  }

  /** Whether the load exceeded the run's Ready capacity, per tick. */
  static boolean[] overloaded(SimulationResult run) {
    Scenario scenario = run.scenario();
    boolean[] flagged = new boolean[scenario.ticks()];
    for (int i = 0; i < flagged.length; i++) {
      flagged[i] = scenario.overloaded(scenario.load()[i], run.ready()[i]);
    }
    return flagged;
  }

  /** Every run but the oracle, whose capacity follows the load and would hide the others. */
  static Map<String, SimulationResult> scalers(ReplayResult result) {
    Map<String, SimulationResult> scalers = new LinkedHashMap<>(result.runs());
    scalers.remove(StrategyFactory.ORACLE);
    return scalers;
  }

  /**
   * The run whose overload the incidents show: predictive, else the forecasting or first scaler.
   */
  static Optional<Map.Entry<String, SimulationResult>> incidentSubject(ReplayResult result) {
    SimulationResult predictive = result.runs().get(StrategyFactory.PREDICTIVE);
    if (predictive != null) {
      return Optional.of(Map.entry(StrategyFactory.PREDICTIVE, predictive));
    }
    Optional<Map.Entry<String, SimulationResult>> forecasting = JsonReport.forecastingRun(result);
    if (forecasting.isPresent()) {
      return forecasting;
    }
    return scalers(result).entrySet().stream().findFirst();
  }

  private static double[] inReplicas(double[] values, Scenario scenario) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i] / scenario.capacityPerReplica();
    }
    return out;
  }

  private static double[] asDoubles(int[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }
}
