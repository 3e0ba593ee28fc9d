package io.predictivescaler.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.bench.replay.ReplayFixtures;
import io.predictivescaler.bench.replay.ReplayResult;
import io.predictivescaler.bench.sim.Scenario;
import io.predictivescaler.bench.sim.SimulationResult;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The per-day comparison of predictive with hpa in report.html. */
class DailySectionTest {

  private static final ReplayResult REPLAY = ReplayFixtures.fullReplay();

  @Test
  void listsTheDayPredictiveCostMoreUnderMoreReplicaHours() {
    SimulationResult hpa = REPLAY.runs().get("hpa");
    Scenario scenario = hpa.scenario();
    LocalDate second = day(scenario, 0).plusDays(1);
    int[] replicas = hpa.replicas().clone();
    int ticksOnSecond = 0;
    for (int i = 0; i < replicas.length; i++) {
      if (day(scenario, i).equals(second)) {
        replicas[i] += 1;
        ticksOnSecond++;
      }
    }

    String html = HtmlReport.render(withPredictive(hpa, replicas));

    String section = section(html);
    int days =
        (int) (day(scenario, replicas.length - 1).toEpochDay() - day(scenario, 0).toEpochDay()) + 1;
    DailyFigures hpaOnSecond =
        DailyFigures.of(hpa).stream().filter(d -> d.day().equals(second)).findFirst().orElseThrow();
    assertThat(section)
        .contains(
            "Of "
                + days
                + " days (UTC), predictive was overloaded longer than hpa on 0 and cost more on 1.")
        .contains("<caption>more replica-hours</caption>")
        .doesNotContain("<caption>more overload")
        .contains("<td>" + second + "</td>")
        .contains(
            String.format(
                Locale.ROOT,
                "<td>%.1f</td><td>%.1f</td></tr>",
                hpaOnSecond.replicaHours(),
                hpaOnSecond.replicaHours() + ticksOnSecond * scenario.stepSeconds() / 3600.0));
    assertThat(section.split("<tr>", -1)).hasSize(3);
  }

  @Test
  void listsADayPredictiveWasOverloadedLongerUnderMoreOverload() {
    SimulationResult hpa = REPLAY.runs().get("hpa");
    Scenario scenario = hpa.scenario();
    int[] ready = hpa.ready().clone();
    int tick = 0;
    while (scenario.load()[tick] <= 0 || scenario.overloaded(scenario.load()[tick], ready[tick])) {
      tick++;
    }
    ready[tick] = 0;

    String html = HtmlReport.render(withPredictive(hpa, hpa.replicas(), ready));

    assertThat(section(html))
        .contains("predictive was overloaded longer than hpa on 1 and cost more on 0.")
        .contains("<caption>more overload</caption>")
        .doesNotContain("<caption>more replica-hours")
        .contains("<td>" + day(scenario, tick) + "</td>");
  }

  @Test
  void saysSoWhenNoDayWasWorse() {
    SimulationResult hpa = REPLAY.runs().get("hpa");

    String html = HtmlReport.render(withPredictive(hpa, hpa.replicas()));

    assertThat(section(html))
        .contains("predictive was overloaded longer than hpa on 0 and cost more on 0.")
        .doesNotContain("<table");
  }

  private static String section(String html) {
    int from = html.indexOf("<section id=\"days\">");
    assertThat(from).as("days section").isNotNegative();
    return html.substring(from, html.indexOf("</section>", from));
  }

  private static LocalDate day(Scenario scenario, int tick) {
    return scenario
        .start()
        .plusSeconds((long) tick * scenario.stepSeconds())
        .atZone(ZoneOffset.UTC)
        .toLocalDate();
  }

  /** The replay with predictive running hpa's Ready pods but asking for {@code replicas}. */
  private static ReplayResult withPredictive(SimulationResult hpa, int[] replicas) {
    return withPredictive(hpa, replicas, hpa.ready());
  }

  private static ReplayResult withPredictive(SimulationResult hpa, int[] replicas, int[] ready) {
    SimulationResult p = REPLAY.runs().get("predictive");
    return ReplayFixtures.withRun(
        REPLAY,
        "predictive",
        new SimulationResult(
            p.scenario(),
            replicas,
            ready,
            p.forecastPoint(),
            p.forecastLower(),
            p.forecastUpper(),
            p.forecastModel(),
            p.reasons(),
            p.tickReasons(),
            p.chosenLevels(),
            p.chosenCandidates(),
            p.peakBandCoverage(),
            p.metrics()));
  }
}
