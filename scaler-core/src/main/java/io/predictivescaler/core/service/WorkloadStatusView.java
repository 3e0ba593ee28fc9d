package io.predictivescaler.core.service;

import io.predictivescaler.core.config.PolicySet;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadKind;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.tick.MetricForecast;
import io.predictivescaler.core.tick.TickOrchestrator;
import io.predictivescaler.core.tick.TickOutcome;
import io.predictivescaler.forecast.Accuracy;
import io.predictivescaler.forecast.ForecasterStatus;
import io.predictivescaler.forecast.TrustVerdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code /api/v1/workloads} from memory: the policies in force, each workload's last tick with its
 * stage trace, and per metric: forecast vs actual over the last hour, the last forecast and its
 * calibration, and the forecaster's model, accuracy and trust verdict.
 */
final class WorkloadStatusView implements WorkloadStatusProvider {

  private final Supplier<PolicySet> policies;
  private final TickOrchestrator orchestrator;
  private final OutcomeRecorder outcomes;

  WorkloadStatusView(
      Supplier<PolicySet> policies, TickOrchestrator orchestrator, OutcomeRecorder outcomes) {
    this.policies = Objects.requireNonNull(policies, "policies");
    this.orchestrator = Objects.requireNonNull(orchestrator, "orchestrator");
    this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
  }

  @Override
  public List<WorkloadStatus> workloads() {
    return policies.get().workloads().values().stream().map(this::status).toList();
  }

  /**
   * The workload of that namespace and name, whatever its kind; when targets of several kinds share
   * the name, the Deployment, else the first in kind order (the list shows them all).
   */
  @Override
  public Optional<WorkloadStatus> workload(String namespace, String name) {
    List<WorkloadPolicy> named =
        policies.get().workloads().values().stream()
            .filter(p -> p.target().namespace().equals(namespace))
            .filter(p -> p.target().name().equals(name))
            .toList();
    return named.stream()
        .filter(p -> p.target().kind().equals(WorkloadKind.DEPLOYMENT))
        .findFirst()
        .or(() -> named.stream().findFirst())
        .map(this::status);
  }

  private WorkloadStatus status(WorkloadPolicy policy) {
    TargetRef target = policy.target();
    TickOutcome last = orchestrator.last(target).orElse(null);
    Map<String, ForecasterStatus> forecasters = orchestrator.forecasterStatuses(target);
    List<MetricStatus> metrics =
        policy.metrics().stream()
            .map(m -> metric(policy, m.name(), forecasters.get(m.name()), last))
            .toList();
    MetricStatus first = metrics.get(0);
    return new WorkloadStatus(
        target.namespace(),
        target.name(),
        policy.mode().yamlName(),
        StatusJson.policy(policy),
        last == null ? null : StatusJson.decision(last),
        first.forecastVsActual(),
        first.model(),
        first.accuracy(),
        first.trusted(),
        first.trustReason(),
        first.modelFailures(),
        metrics);
  }

  private MetricStatus metric(
      WorkloadPolicy policy, String name, ForecasterStatus forecaster, TickOutcome last) {
    TrustVerdict trust = forecaster == null ? null : forecaster.trust();
    String model =
        forecaster == null || forecaster.modelInUse() == null
            ? policy.model().configName()
            : forecaster.modelInUse();
    Double observedLoad = null;
    Map<String, Object> lastForecast = null;
    if (last instanceof TickOutcome.Decided decided) {
      for (int i = 0; i < decided.forecasts().size(); i++) {
        MetricForecast forecast = decided.forecasts().get(i);
        if (forecast.metric().equals(name)) {
          lastForecast = StatusJson.forecast(forecast);
          observedLoad =
              ForecastTrack.finite(decided.observation().metrics().get(i).observedLoad());
        }
      }
    }
    return new MetricStatus(
        name,
        observedLoad,
        lastForecast,
        outcomes.track(policy.target(), name),
        model,
        forecaster == null ? Map.of() : accuracy(forecaster.accuracy()),
        trust != null && trust.trusted(),
        trust == null ? "no forecast yet" : trust.code() + ": " + trust.reason(),
        failures(forecaster));
  }

  private static Map<String, String> failures(ForecasterStatus forecaster) {
    if (forecaster == null || forecaster.selection() == null) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    forecaster.selection().failures().forEach((kind, why) -> out.put(kind.configName(), why));
    return out;
  }

  private static Map<String, Double> accuracy(Accuracy accuracy) {
    if (accuracy == null) {
      return Map.of();
    }
    Map<String, Double> out = new LinkedHashMap<>();
    put(out, "mae", accuracy.mae());
    put(out, "lastValueMae", accuracy.lastValueMae());
    put(out, "seasonalNaiveMae", accuracy.seasonalNaiveMae());
    put(out, "movingMeanMae", accuracy.movingMeanMae());
    put(out, "underShare", accuracy.underShare());
    put(out, "bandCoverage", accuracy.bandCoverage());
    out.put("samples", (double) accuracy.samples());
    return out;
  }

  private static void put(Map<String, Double> out, String key, double value) {
    Double finite = ForecastTrack.finite(value);
    if (finite != null) {
      out.put(key, finite);
    }
  }
}
