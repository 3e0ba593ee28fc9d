package io.predictivescaler.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.bench.replay.ReplayFixtures;
import io.predictivescaler.bench.replay.ReplayResult;
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

  @Test
  void drawsCapacityAndForecastChartsPerStrategy() {
    assertThat(seriesCount(html, "chart-hpa-capacity")).isEqualTo(3);
    assertThat(seriesCount(html, "chart-predictive-forecast")).isEqualTo(3);
    assertThat(seriesCount(html, "chart-oracle-capacity")).isEqualTo(3);
    assertThat(html).doesNotContain("id=\"chart-oracle-forecast\"");
  }

  @Test
  void drawsTheFrontierWithOneSeriesPerSweptStrategyAndTheOracle() {
    assertThat(seriesCount(html, "chart-frontier")).isEqualTo(3);
  }

  @Test
  void isSelfContained() {
    assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("src=");
  }

  @Test
  void summaryTableHasARowPerStrategy() {
    for (String name : result.runs().keySet()) {
      assertThat(html).contains("<tr data-strategy=\"" + name + "\">");
    }
  }

  @Test
  void marksOverloadPeriods() {
    Matcher m = Pattern.compile("data-marks=\"overload\" data-periods=\"(\\d+)\"").matcher(html);
    int total = 0;
    while (m.find()) {
      total += Integer.parseInt(m.group(1));
    }
    boolean anyOverload =
        result.runs().values().stream().anyMatch(r -> r.metrics().overloadMinutes() > 0);
    assertThat(anyOverload).isTrue();
    assertThat(total).isPositive();
  }
}
