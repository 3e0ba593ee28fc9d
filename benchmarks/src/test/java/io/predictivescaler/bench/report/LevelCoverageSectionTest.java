package io.predictivescaler.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.bench.replay.ReplayFixtures;
import io.predictivescaler.bench.replay.ReplayResult;
import io.predictivescaler.bench.sim.LevelCoverage;
import io.predictivescaler.bench.sim.PeakBandCoverage;
import io.predictivescaler.bench.sim.SimulationResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code levelCoverage} in report.json and its table in report.html. */
class LevelCoverageSectionTest {

  /** 1,000 ticks after warm-up: 100 before the first choice, 200 the plain HPA, 700 on levels. */
  private static final PeakBandCoverage COVERAGE =
      new PeakBandCoverage(
          1000,
          200,
          100,
          List.of(
              new LevelCoverage(0.5, 990, 500, 0),
              new LevelCoverage(0.9, 990, 881, 300),
              new LevelCoverage(0.99, 990, 950, 400)));

  private static final ReplayResult REPLAY = ReplayFixtures.fullReplay();

  @Test
  void reportJsonHasEachLevelsCoverageOutcomesAndChosenShare() {
    Map<String, Object> tree = JsonReport.tree(withCoverage(REPLAY, COVERAGE));

    Map<?, ?> levelCoverage = (Map<?, ?>) strategy(tree, "predictive").get("levelCoverage");
    assertThat(levelCoverage.get("ticks")).isEqualTo(1000L);
    assertThat((Double) levelCoverage.get("hpaChosenShare")).isEqualTo(0.2);
    assertThat((Double) levelCoverage.get("unchosenShare")).isEqualTo(0.1);
    List<?> levels = (List<?>) levelCoverage.get("levels");
    assertThat(levels).hasSize(3);
    Map<?, ?> q90 = (Map<?, ?>) levels.get(1);
    assertThat(q90.get("level")).isEqualTo(0.9);
    assertThat((Double) q90.get("coverage")).isEqualTo(0.889899);
    assertThat(q90.get("outcomes")).isEqualTo(990L);
    assertThat((Double) q90.get("chosenShare")).isEqualTo(0.3);
  }

  @Test
  void reportJsonHasNoLevelCoverageForStrategiesWithoutPeakBands() {
    Map<String, Object> tree = JsonReport.tree(withCoverage(REPLAY, COVERAGE));

    assertThat(strategy(tree, "hpa").containsKey("levelCoverage")).isTrue();
    assertThat(strategy(tree, "hpa").get("levelCoverage")).isNull();
    assertThat(strategy(tree, "oracle").get("levelCoverage")).isNull();
  }

  @Test
  void theHtmlTableFlagsLevelsMoreThanThreePointsOffNominal() {
    String html = HtmlReport.render(withCoverage(REPLAY, COVERAGE));

    String table = between(html, "<table class=\"level-coverage\" data-strategy=\"predictive\">");
    assertThat(table)
        .contains(
            "1000 ticks after warm-up; plain HPA chosen 20.0 %, before the first choice 10.0 %")
        .contains("<tr><td>0.5</td><td>50.51 %</td><td>+0.5</td><td>990</td><td>0.0 %</td></tr>")
        .contains("<tr><td>0.9</td><td>88.99 %</td><td>-1.0</td><td>990</td><td>30.0 %</td></tr>")
        .contains(
            "<tr class=\"off\"><td>0.99</td><td>95.96 %</td><td>-3.0</td><td>990</td>"
                + "<td>40.0 %</td></tr>");
  }

  @Test
  void theHtmlHasNoSectionWhenNoStrategyHadPeakBands() {
    String html = HtmlReport.render(REPLAY);

    assertThat(html).doesNotContain("id=\"level-coverage\"");
  }

  private static Map<?, ?> strategy(Map<String, Object> tree, String name) {
    return (Map<?, ?>) ((Map<?, ?>) tree.get("strategies")).get(name);
  }

  private static String between(String html, String start) {
    int from = html.indexOf(start);
    assertThat(from).as("table %s", start).isNotNegative();
    return html.substring(from, html.indexOf("</table>", from));
  }

  private static ReplayResult withCoverage(ReplayResult result, PeakBandCoverage coverage) {
    SimulationResult r = result.runs().get("predictive");
    return ReplayFixtures.withRun(
        result,
        "predictive",
        new SimulationResult(
            r.scenario(),
            r.replicas(),
            r.ready(),
            r.forecastPoint(),
            r.forecastLower(),
            r.forecastUpper(),
            r.forecastModel(),
            r.reasons(),
            r.tickReasons(),
            r.chosenLevels(),
            r.chosenCandidates(),
            coverage,
            r.metrics()));
  }
}
