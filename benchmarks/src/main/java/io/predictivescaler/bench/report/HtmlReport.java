package io.predictivescaler.bench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.predictivescaler.bench.replay.Durations;
import io.predictivescaler.bench.replay.ReplayResult;
import io.predictivescaler.bench.replay.ReplaySettings;
import io.predictivescaler.bench.sim.Scenario;
import io.predictivescaler.bench.sim.SimulationResult;
import io.predictivescaler.bench.strategy.StrategyFactory;
import io.predictivescaler.bench.trace.Trace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code report.html}: one self-contained page (uPlot, its CSS, the data and the drawing script
 * inlined; no network) with the summary table, a zoomable overview of load and Ready capacity, the
 * sweep frontier when a sweep ran, the worst overload incidents zoomed in, the peak band's coverage
 * level by level, and each strategy's decision reasons.
 *
 * <p>Loads and capacities are drawn in replicas' worth (load over the capacity of one replica), so
 * the charts read the same whatever the trace's unit. Chart containers: {@code chart-overview},
 * {@code chart-frontier}, {@code chart-incident-<n>}; each carries {@code data-series-count}, and
 * after drawing {@code report.js} adds {@code data-rendered-series} to each and {@code
 * data-charts-rendered} and {@code data-js-errors} to the body.
 */
public final class HtmlReport {

  static final Map<String, String> STRATEGY_COLORS =
      Map.of(
          StrategyFactory.HPA, "#9467bd",
          StrategyFactory.PREDICTIVE, "#ff7f0e",
          StrategyFactory.ORACLE, "#2ca02c");

  /** Most points per series in the overview. */
  static final int OVERVIEW_POINTS = 4000;

  static final String LOAD = "#1f77b4";
  static final String FORECAST = "#8c564b";
  static final String OVERLOAD = "rgba(214,39,40,0.18)";
  static final String BAND_FILL = "rgba(255,127,14,0.18)";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String ERROR_TRAP =
      "window.reportErrors=[];window.addEventListener('error',function(e){"
          + "window.reportErrors.push(String(e.message));"
          + "if(document.body){document.body.setAttribute('data-js-errors',"
          + "window.reportErrors.length);}});";

  private HtmlReport() {}

  public static void write(ReplayResult result, Path file) throws IOException {
    Files.writeString(file, render(result), StandardCharsets.UTF_8);
  }

  public static String render(ReplayResult result) {
    StringBuilder html = new StringBuilder(1024 * 1024);
    String title = "Replay of " + result.trace().name();
    html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(Html.escape(title))
        .append("</title><script>")
        .append(ERROR_TRAP)
        .append("</script><style>")
        .append(ReportAssets.UPLOT_CSS)
        .append(ReportAssets.REPORT_CSS)
        .append("</style></head><body><h1>")
        .append(Html.escape(title))
        .append("</h1><p class=\"settings\">")
        .append(Html.escape(settingsLine(result)))
        .append("</p>")
        .append(repairsLine(result.trace()));
    summary(html, result);

    List<Map<String, Object>> timeCharts = new ArrayList<>();
    Optional<Map.Entry<String, SimulationResult>> subject = RunSeries.incidentSubject(result);
    TimeChart overview = overview(result, subject);
    timeCharts.add(overview.spec());
    html.append("<section id=\"overview\"><h2>Load and Ready capacity</h2>")
        .append("<p class=\"hint\">Drag to zoom, wheel to zoom around the cursor, shift-drag (or")
        .append(" middle-drag) to pan, double-click to reset. Shaded: ")
        .append(subject.map(e -> Html.escape(e.getKey()) + " overloaded").orElse("overload"))
        .append(". Long series are shown as each interval's minimum and maximum.</p>")
        .append(overview.div())
        .append("</section>");

    Map<String, Object> frontier = null;
    if (!result.sweep().isEmpty()) {
      var oracle = JsonReport.oracle(result).orElse(null);
      frontier = FrontierChart.spec(result.sweep(), oracle, STRATEGY_COLORS);
      html.append("<section id=\"frontier\"><h2>Cost / risk frontier (--sweep)</h2>")
          .append("<p>Overload minutes against replica-hours, one point per value of each")
          .append(" strategy's sweep knob (labelled): lower and further left is better.</p>")
          .append("<div id=\"")
          .append(FrontierChart.ID)
          .append("\" class=\"chart\" data-series-count=\"")
          .append(FrontierChart.seriesCount(result.sweep(), oracle))
          .append("\"></div>")
          .append("</section>");
    }

    IncidentSection.append(html, timeCharts, result, subject);
    LevelCoverageSection.append(html, result);
    DailySection.append(html, result);
    WindowsSection.append(html, result);
    decisions(html, result);

    Map<String, Object> data = new LinkedHashMap<>();
    data.put("timeCharts", timeCharts);
    data.put("frontier", frontier);
    return html.append("<script type=\"application/json\" id=\"report-data\">")
        .append(json(data))
        .append("</script><script>")
        .append(ReportAssets.UPLOT_JS)
        .append("</script><script>")
        .append(ReportAssets.REPORT_JS)
        .append("</script></body></html>")
        .toString();
  }

  private static void summary(StringBuilder html, ReplayResult result) {
    html.append("<table id=\"summary\"><thead><tr>");
    SummaryTable.HEADER.forEach(h -> html.append("<th>").append(h).append("</th>"));
    html.append("</tr></thead><tbody>");
    for (List<String> row : SummaryTable.rows(result)) {
      html.append("<tr data-strategy=\"").append(Html.escape(row.get(0))).append("\">");
      row.forEach(cell -> html.append("<td>").append(Html.escape(cell)).append("</td>"));
      html.append("</tr>");
    }
    html.append("</tbody></table>");
    if (!result.skipped().isEmpty()) {
      html.append("<p class=\"note\">Not run (not available in this build): ")
          .append(Html.escape(String.join(", ", result.skipped())))
          .append("</p>");
    }
    JsonReport.forecastingRun(result)
        .ifPresent(
            e -> {
              ForecastAccuracy a = ForecastAccuracy.of(e.getValue());
              html.append("<p class=\"note\">Forecast of ")
                  .append(Html.escape(e.getKey()))
                  .append(" (")
                  .append(Html.escape(String.valueOf(a.model())))
                  .append(") at ")
                  .append(Durations.format(result.settings().horizon()))
                  .append(": MASE ")
                  .append(Html.label(a.mase()))
                  .append(", sMAPE ")
                  .append(Html.label(a.smape()))
                  .append(" % over ")
                  .append(a.points())
                  .append(" points; load within the band's top at ")
                  .append(percent(e.getValue().bandCoverage()))
                  .append(" of them.</p>");
            });
  }

  /** Load, every scaler's Ready capacity and the subject's forecast band, over the whole replay. */
  private static TimeChart overview(
      ReplayResult result, Optional<Map.Entry<String, SimulationResult>> subject) {
    Scenario scenario = result.scenario();
    TimeChart chart =
        TimeChart.of("chart-overview", 380, scenario, 0, scenario.ticks() - 1, OVERVIEW_POINTS);
    chart.line("load", LOAD, "line", RunSeries.load(scenario));
    RunSeries.scalers(result)
        .forEach(
            (name, run) -> chart.line(name + " Ready", color(name), "step", RunSeries.ready(run)));
    subject.ifPresent(
        e -> {
          SimulationResult run = e.getValue();
          if (run.hasForecast()) {
            chart.band(
                e.getKey() + " forecast band",
                color(e.getKey()),
                BAND_FILL,
                RunSeries.forecastLower(run),
                RunSeries.forecastUpper(run));
          }
          chart.marks(OVERLOAD, RunSeries.overloaded(run));
        });
    return chart;
  }

  private static void decisions(StringBuilder html, ReplayResult result) {
    html.append("<section id=\"decisions\"><h2>Decisions</h2>");
    result
        .runs()
        .forEach(
            (name, run) ->
                html.append("<p class=\"reasons\" data-strategy=\"")
                    .append(Html.escape(name))
                    .append("\"><b>")
                    .append(Html.escape(name))
                    .append("</b> (target utilization ")
                    .append(Html.label(result.settings().utilizationFor(name)))
                    .append("): ")
                    .append(
                        Html.escape(
                            run.reasons().entrySet().stream()
                                .limit(10)
                                .map(e -> e.getKey() + " " + e.getValue())
                                .collect(Collectors.joining(", "))))
                    .append("</p>"));
    html.append("</section>");
  }

  static String color(String strategy) {
    return STRATEGY_COLORS.getOrDefault(strategy, "#555555");
  }

  private static String percent(double share) {
    return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f %%", share * 100);
  }

  /** The data as JSON that cannot end its {@code <script>} element early. */
  private static String json(Object data) {
    try {
      return MAPPER.writeValueAsString(data).replace("</", "<\\/");
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("writing the report's chart data", e);
    }
  }

  /** What the loader repaired in the trace file; empty when nothing. */
  private static String repairsLine(Trace trace) {
    if (!trace.repairs().any()) {
      return "";
    }
    return "<p class=\"settings repairs\">Trace file repaired on loading: "
        + Html.escape(trace.repairs().summary(trace.sourceInterval()))
        + ". Replayed as repaired; --strict-trace rejects such a trace instead.</p>";
  }

  private static String settingsLine(ReplayResult result) {
    ReplaySettings s = result.settings();
    return String.format(
        Locale.ROOT,
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
        Html.label(result.scenario().capacityPerReplica()),
        Durations.format(s.startupDelay()),
        Durations.format(s.metricDelay()),
        Durations.format(s.horizon()),
        s.policyFile().map(p -> "; policy " + p).orElse(""));
  }
}
