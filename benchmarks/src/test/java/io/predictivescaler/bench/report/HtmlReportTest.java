package io.predictivescaler.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.predictivescaler.bench.replay.ReplayFixtures;
import io.predictivescaler.bench.replay.ReplayResult;
import io.predictivescaler.bench.trace.Trace;
import io.predictivescaler.bench.trace.TraceRepairs;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

  private final ReplayResult result = ReplayFixtures.fullReplay();
  private final String html = HtmlReport.render(result);

  private static int seriesCount(String html, String id) {
    Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*data-series-count=\"(\\d+)\"").matcher(html);
    assertThat(m.find()).as("chart %s", id).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static JsonNode data(String html) throws Exception {
    Matcher m =
        Pattern.compile("<script type=\"application/json\" id=\"report-data\">(.*?)</script>")
            .matcher(html);
    assertThat(m.find()).isTrue();
    return new ObjectMapper().readTree(m.group(1));
  }

  @Test
  void showsWhatTheLoaderRepairedOnlyWhenItRepairedSomething() {
    Trace repaired =
        JsonReportTest.repaired(result.trace(), new TraceRepairs(0, 0, 12, 2120, 0, 0));

    String repairedHtml = HtmlReport.render(JsonReportTest.withTrace(result, repaired));

    assertThat(repairedHtml)
        .contains(
            "Trace file repaired on loading: 12 duplicate timestamps merged by mean (first at")
        .contains("--strict-trace");
    assertThat(html).doesNotContain("repaired on loading");
  }

  @Test
  void overviewShowsLoadEachScalersReadyCapacityAndTheForecastBand() {
    assertThat(seriesCount(html, "chart-overview")).isEqualTo(5);
  }

  @Test
  void drawsTheFrontierWithOneSeriesPerSweptStrategyAndTheOracle() {
    assertThat(seriesCount(html, "chart-frontier")).isEqualTo(3);
  }

  @Test
  void incidentsZoomOnTheWorstOverloadEpisodesOfPredictive() throws Exception {
    JsonNode charts = data(html).get("timeCharts");

    assertThat(html).contains("id=\"incident-1\"");
    JsonNode first = charts.get(1);
    assertThat(first.get("id").asText()).isEqualTo("chart-incident-1");
    long span =
        first.get("x").get(first.get("x").size() - 1).asLong() - first.get("x").get(0).asLong();
    assertThat(span).isLessThan(Duration.ofHours(12).toSeconds());
    assertThat(first.get("marks")).isNotEmpty();
    assertThat(seriesCount(html, "chart-incident-1")).isEqualTo(7);
    assertThat(html).containsPattern("predictive's decisions in the episode: \\w+ \\d+");
  }

  @Test
  void longSeriesAreDownsampledInTheOverview() throws Exception {
    JsonNode overview = data(html).get("timeCharts").get(0);

    assertThat(overview.get("x").size()).isLessThanOrEqualTo(HtmlReport.OVERVIEW_POINTS);
    assertThat(overview.get("series").get(0).get("values").size())
        .isEqualTo(overview.get("x").size());
  }

  @Test
  void isSelfContainedWithUplotInlined() {
    // uPlot's licence banner names its home page; nothing else may point outside the file.
    String withoutBanner = html.replace("/*! https://github.com/leeoniya/uPlot", "");

    assertThat(withoutBanner)
        .doesNotContain("http://")
        .doesNotContain("https://")
        .doesNotContain("src=")
        .doesNotContain("<link")
        .doesNotContain("url(");
    assertThat(html).contains(ReportAssets.UPLOT_JS.substring(0, 200)).contains(".uplot");
  }

  @Test
  void summaryTableHasARowPerStrategy() {
    for (String name : result.runs().keySet()) {
      assertThat(html).contains("<tr data-strategy=\"" + name + "\">");
    }
  }

  @Test
  void loadNearTheLargestDoubleStillRenders() throws Exception {
    double[] values = new double[600];
    // Half the largest double, so that the test doubles' +10 % band stays finite.
    Arrays.fill(values, Double.MAX_VALUE / 2);
    ReplayResult huge = ReplayFixtures.replay(ReplayFixtures.withValues(values));

    String page = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> HtmlReport.render(huge));

    JsonNode load = data(page).get("timeCharts").get(0).get("series").get(0).get("values");
    assertThat(load.get(0).asDouble()).isEqualTo(10.0);
    assertThat(page).contains("</html>");
  }
}
