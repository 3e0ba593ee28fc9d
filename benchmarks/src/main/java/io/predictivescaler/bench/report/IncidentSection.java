package io.predictivescaler.bench.report;

import io.predictivescaler.bench.replay.Durations;
import io.predictivescaler.bench.replay.ReplayResult;
import io.predictivescaler.bench.sim.Scenario;
import io.predictivescaler.bench.sim.SimulationResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The report's <em>incidents</em>: the subject run's worst overload episodes, each zoomed to a few
 * hours with the load, every scaler's Ready capacity, what the subject asked for, its forecast and
 * band, its decision reasons during the episode and how often the load beat the band.
 */
final class IncidentSection {

  /** Incidents shown. */
  static final int INCIDENTS = 5;

  /** Most points per series in an incident chart. */
  static final int MAX_POINTS = 3000;

  private static final Duration MERGE_GAP = Duration.ofMinutes(15);
  private static final Duration BEFORE = Duration.ofHours(1);
  private static final Duration AFTER = Duration.ofMinutes(30);
  private static final Duration MAX_WINDOW = Duration.ofHours(4);

  private IncidentSection() {}

  /** Appends the section to {@code html} and each incident's chart to {@code charts}. */
  static void append(
      StringBuilder html,
      List<Map<String, Object>> charts,
      ReplayResult result,
      Optional<Map.Entry<String, SimulationResult>> subject) {
    html.append("<section id=\"incidents\"><h2>Incidents</h2>");
    if (subject.isEmpty()) {
      html.append("<p class=\"note\">No scaler ran.</p></section>");
      return;
    }
    String name = subject.get().getKey();
    SimulationResult run = subject.get().getValue();
    long step = result.scenario().stepSeconds();
    List<Incident> worst =
        Incidents.worst(
            RunSeries.overloaded(run),
            INCIDENTS,
            ticks(MERGE_GAP, step),
            ticks(BEFORE, step),
            ticks(AFTER, step),
            ticks(MAX_WINDOW, step));
    html.append("<p>The ")
        .append(worst.size())
        .append(" worst overload episodes of ")
        .append(Html.escape(name))
        .append(" (episodes less than ")
        .append(Durations.format(MERGE_GAP))
        .append(" apart merged), each from ")
        .append(Durations.format(BEFORE))
        .append(" before to ")
        .append(Durations.format(AFTER))
        .append(" after (at most ")
        .append(Durations.format(MAX_WINDOW))
        .append(
            ", from the start of a longer episode), with the load, every scaler's Ready capacity, what ")
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
      TimeChart chart = chart("chart-incident-" + rank, result, name, run, incident);
      charts.add(chart.spec());
      html.append("<div class=\"incident\" id=\"incident-")
          .append(rank)
          .append("\"><h3>#")
          .append(rank)
          .append(" ")
          .append(Html.escape(title(result, name, incident)))
          .append("</h3><p class=\"reasons\">")
          .append(Html.escape(detail(name, run, incident)))
          .append("</p>")
          .append(chart.div())
          .append("</div>");
    }
    html.append("</section>");
  }

  private static TimeChart chart(
      String id, ReplayResult result, String name, SimulationResult run, Incident incident) {
    TimeChart chart =
        TimeChart.of(
            id, 300, result.scenario(), incident.windowFrom(), incident.windowTo(), MAX_POINTS);
    chart.line("load", HtmlReport.LOAD, "line", RunSeries.load(result.scenario()));
    RunSeries.scalers(result)
        .forEach(
            (n, r) -> chart.line(n + " Ready", HtmlReport.color(n), "step", RunSeries.ready(r)));
    chart.line(name + " asked", HtmlReport.color(name), "dashed", RunSeries.asked(run));
    if (run.hasForecast()) {
      chart.band(
          name + " forecast band",
          HtmlReport.color(name),
          HtmlReport.BAND_FILL,
          RunSeries.forecastLower(run),
          RunSeries.forecastUpper(run));
      chart.line(name + " forecast", HtmlReport.FORECAST, "line", RunSeries.forecastPoint(run));
    }
    return chart.marks(HtmlReport.OVERLOAD, RunSeries.overloaded(run));
  }

  /** When, how long the subject was overloaded, and how long each other scaler was then. */
  private static String title(ReplayResult result, String name, Incident incident) {
    Scenario scenario = result.scenario();
    StringBuilder title =
        new StringBuilder()
            .append(scenario.timeAt(incident.from()).toString().replace('T', ' '))
            .append(" to ")
            .append(scenario.timeAt(incident.to() + 1).toString().replace('T', ' '))
            .append(": ")
            .append(name)
            .append(" overloaded ")
            .append(minutes(incident.overloadedTicks(), scenario));
    RunSeries.scalers(result)
        .forEach(
            (other, run) -> {
              if (!other.equals(name)) {
                int ticks = 0;
                for (int t = incident.from(); t <= incident.to(); t++) {
                  ticks += scenario.overloaded(scenario.load()[t], run.ready()[t]) ? 1 : 0;
                }
                title.append(", ").append(other).append(" ").append(minutes(ticks, scenario));
              }
            });
    return title.toString();
  }

  /** The subject's decision reasons during the episode and how often the load beat its band. */
  private static String detail(String name, SimulationResult run, Incident incident) {
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

  private static String minutes(int ticks, Scenario scenario) {
    return Html.label(ticks * scenario.stepSeconds() / 60.0) + " min";
  }

  private static int ticks(Duration duration, long stepSeconds) {
    return (int) Math.max(1, duration.getSeconds() / stepSeconds);
  }
}
