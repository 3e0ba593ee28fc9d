package io.predictivescaler.bench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.predictivescaler.bench.replay.Durations;
import io.predictivescaler.bench.replay.ReplayResult;
import io.predictivescaler.bench.replay.ReplaySettings;
import io.predictivescaler.bench.sim.Scenario;
import io.predictivescaler.bench.sim.SimulationResult;
import io.predictivescaler.bench.strategy.StrategyFactory;
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
 * sweep frontier when a sweep ran, the worst overload incidents zoomed in, and each strategy's
 * decision reasons.
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

  /** Most points per series in an incident chart. */
  static final int INCIDENT_POINTS = 3000;

  /** Incidents shown. */
  static final int INCIDENTS = 5;

  private static final long MERGE_GAP_SECONDS = 3600;
  private static final long BEFORE_SECONDS = 2 * 3600;
  private static final long AFTER_SECONDS = 3600;
  private static final String LOAD = "#1f77b4";
  private static final String OVERLOAD = "rgba(214,39,40,0.18)";
  private static final String BAND_FILL = "rgba(255,127,14,0.18)";
  private static final String Y_LABEL = "replicas' worth";
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
        .append("</p>");
    summary(html, result);

    List<Map<String, Object>> timeCharts = new ArrayList<>();
    Optional<Map.Entry<String, SimulationResult>> subject = incidentSubject(result);
    TimeChart overview = overview(result, subject);
    timeCharts.add(overview.spec());
    html.append("<section id=\"overview\"><h2>Load and Ready capacity</h2>")
        .append("<p class=\"hint\">Drag to zoom, wheel to zoom around the cursor, shift-drag (or")
        .append(" middle-drag) to pan, double-click to reset. Shaded: ")
        .append(subject.map(e -> Html.escape(e.getKey()) + " overloaded").orElse("overload"))
        .append(". Long series are shown as each interval's minimum and maximum.</p>")
        .append(chartDiv("chart-overview", overview.seriesCount()))
        .append("</section>");

    Map<String, Object> frontier = null;
    if (!result.sweep().isEmpty()) {
      var oracle = JsonReport.oracle(result).orElse(null);
      frontier = FrontierChart.spec(result.sweep(), oracle, STRATEGY_COLORS);
      html.append("<section id=\"frontier\"><h2>Cost / risk frontier (--sweep)</h2>")
          .append("<p>Overload minutes against replica-hours, one point per value of each")
          .append(" strategy's sweep knob (labelled): lower and further left is better.</p>")
          .append(chartDiv(FrontierChart.ID, FrontierChart.seriesCount(result.sweep(), oracle)))
          .append("</section>");
    }

    incidents(html, timeCharts, result, subject);
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
    TimeChart chart = timeChart("chart-overview", 380, scenario, 0, scenario.ticks() - 1);
    chart.line("load", LOAD, "line", inReplicas(scenario));
    scalers(result)
        .forEach(
            (name, run) ->
                chart.line(name + " Ready", color(name), "step", asDoubles(run.ready())));
    subject.ifPresent(
        e -> {
          SimulationResult run = e.getValue();
          if (run.hasForecast()) {
            chart.band(
                e.getKey() + " forecast band",
                color(e.getKey()),
                BAND_FILL,
                inReplicas(run.forecastLower(), scenario),
                inReplicas(run.forecastUpper(), scenario));
          }
          chart.marks(OVERLOAD, overloaded(run));
        });
    return chart;
  }

  private static void incidents(
      StringBuilder html,
      List<Map<String, Object>> timeCharts,
      ReplayResult result,
      Optional<Map.Entry<String, SimulationResult>> subject) {
    html.append("<section id=\"incidents\"><h2>Incidents</h2>");
    if (subject.isEmpty()) {
      html.append("<p class=\"note\">No scaler ran.</p></section>");
      return;
    }
    String name = subject.get().getKey();
    SimulationResult run = subject.get().getValue();
    Scenario scenario = result.scenario();
    long step = scenario.stepSeconds();
    List<Incident> worst =
        Incidents.worst(
            overloaded(run),
            INCIDENTS,
            ticks(MERGE_GAP_SECONDS, step),
            ticks(BEFORE_SECONDS, step),
            ticks(AFTER_SECONDS, step));
    html.append("<p>The ")
        .append(worst.size())
        .append(" worst overload episodes of ")
        .append(Html.escape(name))
        .append(" (episodes less than ")
        .append(Durations.format(java.time.Duration.ofSeconds(MERGE_GAP_SECONDS)))
        .append(" apart merged), each with the load, every scaler's Ready capacity, what ")
        .append(Html.escape(name))
        .append(" asked for (dashed: Ready + starting) and its forecast band.</p>");
    if (worst.isEmpty()) {
      html.append("<p class=\"note\">")
          .append(Html.escape(name))
          .append(" was never overloaded.</p>");
    }
    int rank = 0;
    for (Incident incident : worst) {
      rank++;
      String id = "chart-incident-" + rank;
      TimeChart chart = incidentChart(id, result, name, run, incident);
      timeCharts.add(chart.spec());
      html.append("<div class=\"incident\" id=\"incident-")
          .append(rank)
          .append("\"><h3>#")
          .append(rank)
          .append(" ")
          .append(Html.escape(incidentTitle(result, name, run, incident)))
          .append("</h3><p class=\"reasons\">")
          .append(Html.escape(incidentDetail(name, run, incident)))
          .append("</p>")
          .append(chartDiv(id, chart.seriesCount()))
          .append("</div>");
    }
    html.append("</section>");
  }

  private static TimeChart incidentChart(
      String id, ReplayResult result, String name, SimulationResult run, Incident incident) {
    Scenario scenario = result.scenario();
    TimeChart chart = timeChart(id, 300, scenario, incident.windowFrom(), incident.windowTo());
    chart.line("load", LOAD, "line", inReplicas(scenario));
    scalers(result)
        .forEach((n, r) -> chart.line(n + " Ready", color(n), "step", asDoubles(r.ready())));
    chart.line(name + " asked", color(name), "dashed", asDoubles(run.replicas()));
    if (run.hasForecast()) {
      chart.band(
          name + " forecast band",
          color(name),
          BAND_FILL,
          inReplicas(run.forecastLower(), scenario),
          inReplicas(run.forecastUpper(), scenario));
      chart.line(name + " forecast", "#8c564b", "line", inReplicas(run.forecastPoint(), scenario));
    }
    return chart.marks(OVERLOAD, overloaded(run));
  }

  private static String incidentTitle(
      ReplayResult result, String name, SimulationResult run, Incident incident) {
    Scenario scenario = result.scenario();
    double minutes = incident.overloadedTicks() * scenario.stepSeconds() / 60.0;
    StringBuilder title =
        new StringBuilder()
            .append(scenario.timeAt(incident.from()).toString().replace('T', ' '))
            .append(" to ")
            .append(scenario.timeAt(incident.to() + 1).toString().replace('T', ' '))
            .append(": ")
            .append(name)
            .append(" overloaded ")
            .append(Html.label(minutes))
            .append(" min");
    scalers(result)
        .forEach(
            (other, r) -> {
              if (!other.equals(name)) {
                int ticks = 0;
                for (int t = incident.from(); t <= incident.to(); t++) {
                  ticks += scenario.overloaded(scenario.load()[t], r.ready()[t]) ? 1 : 0;
                }
                title
                    .append(", ")
                    .append(other)
                    .append(" ")
                    .append(Html.label(ticks * scenario.stepSeconds() / 60.0))
                    .append(" min");
              }
            });
    return title.toString();
  }

  /** The subject's decision reasons during the episode and how often the load beat its band. */
  private static String incidentDetail(String name, SimulationResult run, Incident incident) {
    Map<String, Integer> reasons = new LinkedHashMap<>();
    int banded = 0;
    int above = 0;
    double[] load = run.scenario().load();
    for (int t = incident.from(); t <= incident.to(); t++) {
      reasons.merge(run.tickReasons()[t], 1, Integer::sum);
      if (run.hasForecast() && !Double.isNaN(run.forecastUpper()[t])) {
        banded++;
        above += load[t] > run.forecastUpper()[t] ? 1 : 0;
      }
    }
    String detail =
        name
            + "'s decisions in the episode: "
            + reasons.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(5)
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    if (!run.hasForecast()) {
      return detail + ".";
    }
    return detail
        + ". Load above the forecast band's top at "
        + above
        + " of "
        + banded
        + " forecast ticks.";
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

  /** Every run but the oracle, whose capacity follows the load and would hide the others. */
  private static Map<String, SimulationResult> scalers(ReplayResult result) {
    Map<String, SimulationResult> scalers = new LinkedHashMap<>(result.runs());
    scalers.remove(StrategyFactory.ORACLE);
    return scalers;
  }

  private static TimeChart timeChart(String id, int height, Scenario scenario, int from, int to) {
    int maxPoints = from == 0 && to == scenario.ticks() - 1 ? OVERVIEW_POINTS : INCIDENT_POINTS;
    return new TimeChart(
        id,
        Y_LABEL,
        height,
        scenario.start().getEpochSecond(),
        scenario.stepSeconds(),
        from,
        to,
        maxPoints);
  }

  private static String chartDiv(String id, int seriesCount) {
    return "<div id=\""
        + id
        + "\" class=\"chart\" data-series-count=\""
        + seriesCount
        + "\"></div>";
  }

  private static boolean[] overloaded(SimulationResult run) {
    Scenario scenario = run.scenario();
    boolean[] flagged = new boolean[scenario.ticks()];
    for (int i = 0; i < flagged.length; i++) {
      flagged[i] = scenario.overloaded(scenario.load()[i], run.ready()[i]);
    }
    return flagged;
  }

  private static double[] inReplicas(Scenario scenario) {
    return inReplicas(scenario.load(), scenario);
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

  private static int ticks(long seconds, long stepSeconds) {
    return (int) Math.max(1, seconds / stepSeconds);
  }

  private static String color(String strategy) {
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
