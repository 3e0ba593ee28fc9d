package io.predictivescaler.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.bench.replay.ReplayFixtures;
import io.predictivescaler.bench.replay.ReplayResult;
import io.predictivescaler.bench.replay.WindowOutcome;
import io.predictivescaler.bench.replay.WindowReplays;
import io.predictivescaler.bench.sim.ReplayMetrics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code --windows} figures in report.json, report.html and on stdout. */
class WindowsSectionTest {
  private static final Instant DAY_ONE = Instant.parse("2024-03-04T00:00:00Z");
  private static final Instant DAY_TWO = Instant.parse("2024-03-05T00:00:00Z");

  private static ReplayMetrics figures(double overloadMinutes, double replicaHours) {
    return new ReplayMetrics(overloadMinutes, 0, replicaHours, 0, 0, 0, replicaHours, 0.8, 10);
  }

  private static final WindowReplays WINDOWS =
      new WindowReplays(
          2,
          List.of(
              new WindowOutcome(
                  DAY_ONE, DAY_ONE.plusSeconds(2 * 86_400), figures(40, 200), figures(30, 190)),
              new WindowOutcome(
                  DAY_TWO, DAY_TWO.plusSeconds(2 * 86_400), figures(40, 200), figures(46.5, 190))));

  @Test
  void theHtmlListsOnlyTheWindowsPredictiveMissedAndWhy() {
    ReplayResult result = ReplayFixtures.fullReplay().withWindows(WINDOWS);

    String html = HtmlReport.render(result);

    String section = html.substring(html.indexOf("<section id=\"windows\">"));
    section = section.substring(0, section.indexOf("</section>"));
    assertThat(section)
        .contains(
            "windows of 2 days from a cold start: 2; predictive missed the default contract in 1")
        .contains(
            "<td>2024-03-05</td><td>40</td><td>46.5</td><td>200.0</td><td>190.0</td><td>overload</td>")
        .doesNotContain("2024-03-04</td>");
  }

  @Test
  void theJsonCarriesEveryWindowAndTheSums() {
    Map<String, Object> json =
        WindowsSection.json(ReplayFixtures.fullReplay().withWindows(WINDOWS));

    assertThat(json).containsEntry("days", 2).containsEntry("count", 2).containsEntry("missed", 1);
    assertThat(json.get("overloadRatio")).isEqualTo(76.5 / 80);
    assertThat(json.get("replicaHoursRatio")).isEqualTo(0.95);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> windows = (List<Map<String, Object>>) json.get("windows");
    assertThat(windows).hasSize(2);
    assertThat(windows.get(1))
        .containsEntry("start", "2024-03-05T00:00:00Z")
        .containsEntry("end", "2024-03-07T00:00:00Z")
        .containsEntry("keepsContract", false);
    assertThat(WindowsSection.json(ReplayFixtures.fullReplay())).isNull();
  }

  @Test
  void aTraceWithoutAWholeWindowSaysSo() {
    assertThat(WindowsSection.line(new WindowReplays(3, List.of())))
        .isEqualTo("windows of 3 days: none, the trace holds no whole one");
  }
}
