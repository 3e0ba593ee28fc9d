package io.predictivescaler.core.service;

import io.predictivescaler.core.actuate.ActuationResult;
import io.predictivescaler.core.config.GoDuration;
import io.predictivescaler.core.config.MetricSpec;
import io.predictivescaler.core.config.PrometheusMetric;
import io.predictivescaler.core.config.ResourceMetric;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.counterfactual.BiasFactors;
import io.predictivescaler.core.counterfactual.CandidateScore;
import io.predictivescaler.core.counterfactual.CounterfactualChoice;
import io.predictivescaler.core.decision.Decision;
import io.predictivescaler.core.decision.ForecastSummary;
import io.predictivescaler.core.tick.CalibrationStatus;
import io.predictivescaler.core.tick.MetricForecast;
import io.predictivescaler.core.tick.TickOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of {@code /api/v1/workloads}: a policy as SREs wrote it (Go durations, the
 * policies.yaml field names) and a tick's decision with its full stage trace.
 */
final class StatusJson {

  private StatusJson() {}

  static Map<String, Object> policy(WorkloadPolicy p) {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> target = new LinkedHashMap<>();
    target.put("apiVersion", p.target().kind().apiVersion());
    target.put("kind", p.target().kind().kind());
    target.put("namespace", p.target().namespace());
    target.put("name", p.target().name());
    out.put("target", target);
    if (p.metrics().size() == 1) {
      out.put("metric", source(p.metric()));
      out.putAll(targets(p.metric()));
    } else {
      List<Map<String, Object>> metrics = new ArrayList<>();
      for (MetricSpec metric : p.metrics()) {
        Map<String, Object> entry = new LinkedHashMap<>(source(metric));
        entry.putAll(targets(metric));
        metrics.add(entry);
      }
      out.put("metrics", metrics);
    }
    out.put("maxReplicas", p.maxReplicas());
    out.putAll(p.settings().asYaml());
    return out;
  }

  private static Map<String, Object> source(MetricSpec metric) {
    return metric instanceof PrometheusMetric m
        ? Map.of("prometheus", m.query())
        : Map.of("resource", ((ResourceMetric) metric).resource().yamlName());
  }

  private static Map<String, Object> targets(MetricSpec metric) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (metric instanceof PrometheusMetric m) {
      out.put("targetPerReplica", m.targetPerReplica());
      if (m.reactiveTargetPerReplica() != m.targetPerReplica()) {
        out.put("reactiveTargetPerReplica", m.reactiveTargetPerReplica());
      }
    } else if (metric instanceof ResourceMetric m) {
      out.put("targetUtilization", m.targetUtilizationPercent());
    }
    return out;
  }

  /** The last tick of a workload: its decision, trace and actuation, or why none was made. */
  static Map<String, Object> decision(TickOutcome tick) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("time", tick.now().toString());
    out.put("leadTime", GoDuration.format(tick.leadTime()));
    if (tick instanceof TickOutcome.Skipped skipped) {
      out.put("reason", skipped.reason().code());
      out.put("skipped", skipped.toString());
      return out;
    }
    TickOutcome.Decided outcome = (TickOutcome.Decided) tick;
    Decision decision = outcome.decision();
    out.put("from", decision.currentReplicas());
    out.put("to", decision.replicas());
    out.put("reason", outcome.reason().code());
    out.put("explanation", outcome.explanation());
    out.put("observedLoad", ForecastTrack.finite(outcome.observation().observedLoad()));
    out.put("metric", outcome.observation().metric().name());
    out.put("forecast", forecast(outcome.forecasts().get(0)));
    out.put("shadowHpaReplicas", outcome.shadowHpa().replicas());
    out.put("trace", decision.trace());
    ActuationResult actuation = outcome.actuation();
    if (actuation != null) {
      Map<String, Object> act = new LinkedHashMap<>();
      act.put("outcome", actuation.outcome().label());
      act.put("reason", actuation.reason());
      act.put("message", actuation.message());
      out.put("actuation", act);
    }
    return out;
  }

  /**
   * One metric's forecast at a tick: what the decision was given of it (model, status, calibrated
   * peak) and the calibration's choice once made.
   */
  static Map<String, Object> forecast(MetricForecast metric) {
    ForecastSummary summary = metric.summary();
    Map<String, Object> forecast = new LinkedHashMap<>();
    forecast.put("model", summary.model());
    forecast.put("status", summary.status().name());
    forecast.put("peakUpper", ForecastTrack.finite(summary.peakUpperLoad()));
    forecast.put("detail", summary.detail());
    CalibrationStatus calibration = metric.calibration();
    if (calibration != null && calibration.choice() != null) {
      CounterfactualChoice choice = calibration.choice();
      forecast.put("candidate", choice.chosen().name());
      forecast.put("level", ForecastTrack.finite(calibration.chosenLevel()));
      forecast.put("levelCoverage", ForecastTrack.finite(calibration.chosenCoverage()));
      forecast.put("reactiveShare", choice.hpaChosen() ? null : calibration.reactiveShare());
      forecast.put("proving", calibration.proving());
      forecast.put("counterfactual", counterfactual(choice, calibration));
    }
    return forecast;
  }

  /** The chosen candidate's pooled figures beside the plain HPA's, and why it won. */
  private static Map<String, Object> counterfactual(
      CounterfactualChoice choice, CalibrationStatus calibration) {
    BiasFactors correction = calibration.correction();
    CandidateScore chosen = choice.chosen();
    CandidateScore hpa = choice.scores().get(0);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("hoursReplayed", hpa.minutes() / 60);
    figures.put("overloadMinutes", chosen.overloadMinutes());
    figures.put("replicaHours", chosen.replicaHours());
    figures.put("hpaOverloadMinutes", hpa.overloadMinutes());
    figures.put("hpaReplicaHours", hpa.replicaHours());
    figures.put("candidates", choice.candidates());
    figures.put("rule", choice.rule());
    figures.put("savedReplicaHours", calibration.savedReplicaHours());
    figures.put(
        "chosenAt", calibration.chosenAt() == null ? null : calibration.chosenAt().toString());
    figures.put(
        "nextRepickAt",
        calibration.nextRepickAt() == null ? null : calibration.nextRepickAt().toString());
    Map<String, Object> corrected = new LinkedHashMap<>();
    corrected.put("measured", correction.measured());
    corrected.put("forecastOverload", correction.forecastOverload());
    corrected.put("forecastCost", correction.forecastCost());
    corrected.put("hpaOverload", correction.hpaOverload());
    corrected.put("hpaCost", correction.hpaCost());
    figures.put("correction", corrected);
    return figures;
  }
}
