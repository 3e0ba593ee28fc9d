package io.predictivescaler.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.predictivescaler.bench.replay.ReplayResult;
import io.predictivescaler.bench.replay.ReplaySettings;
import io.predictivescaler.bench.replay.SweepPoint;
import io.predictivescaler.bench.sim.ReplayMetrics;
import io.predictivescaler.bench.sim.SimulationResult;
import io.predictivescaler.bench.strategy.StrategyFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code report.json} in docs/ARCHITECTURE.md §9's shape: {@code trace}, {@code points} (the
 * trace's own points), {@code stepSeconds}, {@code strategies}, {@code forecast}; plus {@code
 * ticks}, {@code settings}, {@code traceInfo}, {@code skipped} and {@code sweep}. Each strategy
 * also has its decision {@code reasons}, {@code bandCoverage} (share of forecast ticks whose load
 * was within the upper band) and {@code levelCoverage} (the calibrated peak band's coverage at each
 * level after warm-up, and how often each level was chosen; null without peak bands) and {@code
 * daily} (overload minutes and replica-hours per UTC day, summing to the totals); each sweep entry
 * names its {@code setting} ({@code {"utilization": 0.8}}, or the strategy's own knob). Undefined
 * numbers are {@code null}.
 */
public final class JsonReport {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  public static void write(ReplayResult result, Path file) throws IOException {
    MAPPER.writeValue(file.toFile(), tree(result));
  }

  /** The report as maps and lists, in output order. */
  public static Map<String, Object> tree(ReplayResult result) {
    ReplaySettings settings = result.settings();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("trace", result.trace().name());
    root.put("points", result.trace().size());
    root.put("stepSeconds", result.scenario().stepSeconds());
    Map<String, Object> strategies = new LinkedHashMap<>();
    Optional<ReplayMetrics> oracle = oracle(result);
    result
        .runs()
        .forEach(
            (name, run) -> {
              Map<String, Object> entry = metrics(run.metrics());
              entry.put("utilization", settings.utilizationFor(name));
              entry.put(
                  "replicaHoursVsOracle",
                  oracle
                      .map(o -> ratio(run.metrics().replicaHours(), o.replicaHours()))
                      .orElse(null));
              entry.put("reasons", run.reasons());
              entry.put("bandCoverage", round(run.bandCoverage()));
              entry.put("levelCoverage", LevelCoverageSection.json(run.peakBandCoverage()));
              entry.put("daily", DailyFigures.json(run));
              strategies.put(name, entry);
            });
    root.put("strategies", strategies);
    root.put("forecast", forecast(result));
    root.put("ticks", result.scenario().ticks());
    root.put("settings", settings(result));
    root.put("traceInfo", TraceInfo.of(result.trace()));
    root.put("skipped", result.skipped());
    List<Map<String, Object>> sweep = new ArrayList<>();
    for (SweepPoint point : result.sweep()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("strategy", point.strategy());
      entry.put("setting", point.setting());
      entry.put("utilization", point.utilization());
      entry.putAll(metrics(point.metrics()));
      entry.put("bandCoverage", round(point.bandCoverage()));
      sweep.add(entry);
    }
    root.put("sweep", sweep);
    root.put("windows", WindowsSection.json(result));
    return root;
  }

  static Optional<ReplayMetrics> oracle(ReplayResult result) {
    return Optional.ofNullable(result.runs().get(StrategyFactory.ORACLE))
        .map(SimulationResult::metrics);
  }

  /** The run whose forecasts the report scores: {@code predictive}, else the first with any. */
  static Optional<Map.Entry<String, SimulationResult>> forecastingRun(ReplayResult result) {
    SimulationResult predictive = result.runs().get(StrategyFactory.PREDICTIVE);
    if (predictive != null && predictive.hasForecast()) {
      return Optional.of(Map.entry(StrategyFactory.PREDICTIVE, predictive));
    }
    return result.runs().entrySet().stream().filter(e -> e.getValue().hasForecast()).findFirst();
  }

  private static Map<String, Object> forecast(ReplayResult result) {
    Map<String, Object> forecast = new LinkedHashMap<>();
    Optional<Map.Entry<String, SimulationResult>> run = forecastingRun(result);
    ForecastAccuracy accuracy = run.map(e -> ForecastAccuracy.of(e.getValue())).orElse(null);
    forecast.put("model", accuracy == null ? null : accuracy.model());
    forecast.put("horizonSeconds", result.settings().horizon().getSeconds());
    forecast.put("mase", accuracy == null ? null : round(accuracy.mase()));
    forecast.put("smape", accuracy == null ? null : round(accuracy.smape()));
    forecast.put("strategy", run.map(Map.Entry::getKey).orElse(null));
    forecast.put("points", accuracy == null ? 0 : accuracy.points());
    return forecast;
  }

  private static Map<String, Object> settings(ReplayResult result) {
    ReplaySettings s = result.settings();
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("peakReplicas", s.peakReplicas());
    settings.put("capacityPerReplica", round(result.scenario().capacityPerReplica()));
    settings.put("horizonSeconds", s.horizon().getSeconds());
    settings.put("startupDelaySeconds", s.startupDelay().getSeconds());
    settings.put("metricDelaySeconds", s.metricDelay().getSeconds());
    settings.put("utilization", s.utilization());
    settings.put("hpaUtilization", s.hpaUtilization());
    settings.put("minReplicas", result.scenario().minReplicas());
    settings.put("maxReplicas", s.maxReplicas());
    settings.put("initialReplicas", result.scenario().initialReplicas());
    settings.put("policy", s.policyFile().map(Path::toString).orElse(null));
    return settings;
  }

  private static Map<String, Object> metrics(ReplayMetrics m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("overloadMinutes", round(m.overloadMinutes()));
    out.put("unservedFraction", round(m.unservedFraction()));
    out.put("replicaHours", round(m.replicaHours()));
    out.put("scaleEvents", m.scaleEvents());
    out.put("scaleUps", m.scaleUps());
    out.put("scaleDowns", m.scaleDowns());
    out.put("readyReplicaHours", round(m.readyReplicaHours()));
    out.put("meanUtilization", round(m.meanUtilization()));
    out.put("maxReplicas", m.maxReplicas());
    return out;
  }

  private static Double ratio(double value, double reference) {
    return reference > 0 ? round(value / reference) : null;
  }

  /** {@code value} to six decimals, as every figure of the reports; null when not finite. */
  static Double round(double value) {
    return Double.isFinite(value) ? Math.round(value * 1e6) / 1e6 : null;
  }
}
