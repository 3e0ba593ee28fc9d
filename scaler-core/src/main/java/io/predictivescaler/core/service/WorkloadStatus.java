package io.predictivescaler.core.service;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code /api/v1/workloads} shows about one workload. {@code policy} and {@code lastDecision}
 * are any Jackson-serialisable values (the policy record, the decision with its stage trace). The
 * forecast fields ({@code forecastVsActual} to {@code modelFailures}) are the first metric's, as
 * before workloads had several; {@code metrics} has every metric's, the first included.
 *
 * @param namespace the target's namespace
 * @param name the target's name
 * @param mode the policy mode in force ({@code scale | dry-run | hpa-floor})
 * @param policy the workload's policy after defaults
 * @param lastDecision the last decision with its trace, null before the first tick
 * @param forecastVsActual the last hour, oldest first
 * @param model the model in use, e.g. {@code holt-winters}
 * @param accuracy accuracy figures of that model, e.g. {@code mase}, {@code smape}
 * @param trusted whether decisions currently use the forecast
 * @param trustReason why (not), e.g. "MASE 0.62 beats seasonal naive"
 * @param modelFailures candidate models the last backtest left out, by name, and why (one that
 *     threw or forecast a non-finite value)
 * @param metrics each metric's forecast, calibration and trust, in the policy's order of metrics
 */
public record WorkloadStatus(
    String namespace,
    String name,
    String mode,
    Object policy,
    Object lastDecision,
    List<ForecastPoint> forecastVsActual,
    String model,
    Map<String, Double> accuracy,
    boolean trusted,
    String trustReason,
    Map<String, String> modelFailures,
    List<MetricStatus> metrics) {

  public WorkloadStatus {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    forecastVsActual = forecastVsActual == null ? List.of() : List.copyOf(forecastVsActual);
    accuracy = accuracy == null ? Map.of() : Map.copyOf(accuracy);
    modelFailures = modelFailures == null ? Map.of() : Map.copyOf(modelFailures);
    metrics = metrics == null ? List.of() : List.copyOf(metrics);
  }
}
