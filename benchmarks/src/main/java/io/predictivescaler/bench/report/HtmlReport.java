package io.predictivescaler.bench.report;

import io.predictivescaler.bench.replay.Durations;
import io.predictivescaler.bench.replay.ReplayResult;
import io.predictivescaler.bench.replay.ReplaySettings;
import io.predictivescaler.bench.sim.Scenario;
import io.predictivescaler.bench.sim.SimulationResult;
import io.predictivescaler.bench.strategy.StrategyFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, no network) with the summary
 * table, the sweep frontier when a sweep ran, and per strategy its load / capacity / replicas chart
 * with overload shaded and, when it forecasts, its forecast and band against the actual load.
 *
 * <p>Chart ids: {@code chart-<strategy>-capacity}, {@code chart-<strategy>-forecast}, {@code
 * chart-frontier}. After load, a script writes each chart's drawn series count to {@code
 * data-rendered-series} and the chart count to {@code body[data-charts-rendered]}.
 */
public final class HtmlReport {

  static final Map<String, String> STRATEGY_COLORS =
      Map.of(
          StrategyFactory.HPA, "#9467bd",
          StrategyFactory.PREDICTIVE, "#ff7f0e",
          StrategyFactory.ORACLE, "#2ca02c");
  private static final String LOAD = "#1f77b4";
  private static final String READY = "#2ca02c";
  private static final String REPLICAS = "#555555";
  private static final String OVERLOAD = "rgba(214,39,40,0.35)";
  private static final String FORECAST = "#ff7f0e";

  private HtmlReport() {}

  public static void write(ReplayResult result, Path file) throws IOException {
    Files.writeString(file, render(result), StandardCharsets.UTF_8);
  }

  public static String render(ReplayResult result) {
    StringBuilder html = new StringBuilder(256 * 1024);
    String title = "Replay of " + result.trace().name();
    html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(Svg.escape(title))
        .append("</title><style>")
        .append(CSS)
        .append("</style></head><body><h1>")
        .append(Svg.escape(title))
        .append("</h1><p class=\"settings\">")
        .append(Svg.escape(settingsLine(result)))
        .append("</p>");
    summary(html, result);
    if (!result.sweep().isEmpty()) {
      html.append("<section id=\"frontier\"><h2>Cost / risk frontier (--sweep)</h2>")
          .append("<p>Overload minutes against replica-hours for each target utilization: ")
          .append("lower and further left is better.</p>")
          .append(
              FrontierChart.render(
                  result.sweep(), JsonReport.oracle(result).orElse(null), STRATEGY_COLORS))
          .append("</section>");
    }
    result.runs().forEach((name, run) -> strategy(html, name, run, result.settings()));
    return html.append("<script>").append(SCRIPT).append("</script></body></html>").toString();
  }

  private static void summary(StringBuilder html, ReplayResult result) {
    html.append("<table id=\"summary\"><thead><tr>");
    SummaryTable.HEADER.forEach(h -> html.append("<th>").append(h).append("</th>"));
    html.append("</tr></thead><tbody>");
    for (List<String> row : SummaryTable.rows(result)) {
      html.append("<tr data-strategy=\"").append(Svg.escape(row.get(0))).append("\">");
      row.forEach(cell -> html.append("<td>").append(Svg.escape(cell)).append("</td>"));
      html.append("</tr>");
    }
    html.append("</tbody></table>");
    if (!result.skipped().isEmpty()) {
      html.append("<p class=\"note\">Not run (not available in this build): ")
          .append(Svg.escape(String.join(", ", result.skipped())))
          .append("</p>");
    }
    Optional<Map.Entry<String, SimulationResult>> forecasting = JsonReport.forecastingRun(result);
    forecasting.ifPresent(
        e -> {
          ForecastAccuracy a = ForecastAccuracy.of(e.getValue());
          html.append("<p class=\"note\">Forecast of ")
              .append(Svg.escape(e.getKey()))
              .append(" (")
              .append(Svg.escape(String.valueOf(a.model())))
              .append(") at ")
              .append(Durations.format(result.settings().horizon()))
              .append(": MASE ")
              .append(Svg.label(a.mase()))
              .append(", sMAPE ")
              .append(Svg.label(a.smape()))
              .append(" % over ")
              .append(a.points())
              .append(" points.</p>");
        });
  }

  private static void strategy(
      StringBuilder html, String name, SimulationResult run, ReplaySettings settings) {
    Scenario scenario = run.scenario();
    String id = slug(name);
    double capacity = scenario.capacityPerReplica();
    double[] load = scenario.load();
    int n = load.length;
    double[] ready = new double[n];
    double[] replicas = new double[n];
    boolean[] overloaded = new boolean[n];
    double max = 0;
    for (int i = 0; i < n; i++) {
      ready[i] = run.ready()[i] * capacity;
      replicas[i] = run.replicas()[i] * capacity;
      overloaded[i] = scenario.overloaded(load[i], run.ready()[i]);
      max = Math.max(max, Math.max(load[i], replicas[i]));
    }
    html.append("<section class=\"strategy\" id=\"strategy-")
        .append(id)
        .append("\"><h2>")
        .append(Svg.escape(name))
        .append(" <small>target utilization ")
        .append(Svg.label(settings.utilizationFor(name)))
        .append("</small></h2><p class=\"reasons\">Decisions: ")
        .append(
            Svg.escape(
                run.reasons().entrySet().stream()
                    .limit(8)
                    .map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "))))
        .append("</p>");
    long start = scenario.start().getEpochSecond();
    html.append(
        new SvgChart("chart-" + id + "-capacity", start, scenario.stepSeconds(), n)
            .yAxis("load", max)
            .rightAxis("replicas", capacity)
            .marks("overload", "overload", OVERLOAD, overloaded)
            .line("load", "load", LOAD, load, false)
            .line("ready-capacity", "Ready capacity", READY, ready, false)
            .line("replicas", "replicas (Ready + starting) x capacity", REPLICAS, replicas, true)
            .render());
    if (run.hasForecast()) {
      double fmax = max;
      for (double v : run.forecastUpper()) {
        if (Double.isFinite(v)) {
          fmax = Math.max(fmax, v);
        }
      }
      html.append("<h3>Forecast at the horizon vs actual load</h3>")
          .append(
              new SvgChart("chart-" + id + "-forecast", start, scenario.stepSeconds(), n)
                  .yAxis("load", fmax)
                  .band("band", "forecast band", FORECAST, run.forecastLower(), run.forecastUpper())
                  .line("load", "actual load", LOAD, load, false)
                  .line(
                      "forecast",
                      "forecast (" + run.forecastModel() + ")",
                      FORECAST,
                      run.forecastPoint(),
                      false)
                  .render());
    }
    html.append("</section>");
  }

  private static String settingsLine(ReplayResult result) {
    ReplaySettings s = result.settings();
    return String.format(
        java.util.Locale.ROOT,
        "%d trace points every %s from %s to %s (%d filled); %d ticks of %s; peak = %d replicas"
            + " (%s load per replica); start-up %s; metric delay %s; horizon %s%s",
        result.trace().size(),
        Durations.format(result.trace().sourceInterval()),
        result.trace().start(),
        result.trace().end(),
        result.trace().filledPoints(),
        result.scenario().ticks(),
        Durations.format(s.step()),
        s.peakReplicas(),
        Svg.label(result.scenario().capacityPerReplica()),
        Durations.format(s.startupDelay()),
        Durations.format(s.metricDelay()),
        Durations.format(s.horizon()),
        s.policyFile().map(p -> "; policy " + p).orElse(""));
  }

  static String slug(String name) {
    return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  private static final String CSS =
      "body{font:14px/1.4 system-ui,sans-serif;margin:24px auto;max-width:1280px;color:#222;padding:0 16px}"
          + "h1{font-size:22px}h2{font-size:18px;margin-top:28px}h2 small{font-weight:normal;color:#666}"
          + "h3{font-size:15px}.settings,.note,.reasons{color:#555}"
          + "table{border-collapse:collapse;margin:12px 0}th,td{padding:4px 10px;border-bottom:1px solid #ddd;text-align:right}"
          + "th:first-child,td:first-child{text-align:left}th{background:#f4f4f4}"
          + "svg.chart{width:100%;height:auto;border:1px solid #eee;background:#fff}"
          + ".grid{stroke:#e6e6e6;stroke-width:1}.frame{fill:none;stroke:#bbb}"
          + "text{font-size:12px;fill:#444}.ylab{text-anchor:end;dominant-baseline:middle}"
          + ".rlab{text-anchor:start;dominant-baseline:middle}.rlab-title{text-anchor:end}"
          + ".xlab{text-anchor:middle}.xlab-title{text-anchor:end}.legend{fill:#222}.dotlab{font-size:11px}";

  private static final String SCRIPT =
      "(function(){var charts=document.querySelectorAll('svg.chart');"
          + "charts.forEach(function(c){var names={};"
          + "c.querySelectorAll('[data-series]').forEach(function(s){"
          + "var b=s.getBBox?s.getBBox():null;if(!b||b.width>0||b.height>0){names[s.getAttribute('data-series')]=1;}});"
          + "c.setAttribute('data-rendered-series',Object.keys(names).length);});"
          + "document.body.setAttribute('data-charts-rendered',charts.length);})();";
}
