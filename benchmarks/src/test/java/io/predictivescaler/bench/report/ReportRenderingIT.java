package io.predictivescaler.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.predictivescaler.bench.replay.ReplayFixtures;
import io.predictivescaler.bench.replay.ReplayResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders a report in headless Chromium: uPlot draws every chart (a canvas each, every declared
 * series with data), no script error is raised, and a screenshot lands in {@code
 * target/report-screenshot.png}. Skipped when Chromium is absent.
 */
class ReportRenderingIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path OUT = Path.of("target", "report-it");
  private static final Path SCREENSHOT = Path.of("target", "report-screenshot.png");
  private static final Pattern CHART =
      Pattern.compile("<div\\b[^>]*\\bid=\"(chart-[^\"]+)\"[^>]*>", Pattern.CASE_INSENSITIVE);

  private static Path report;
  private static Path profile;

  @BeforeAll
  static void writeReport() throws IOException {
    assumeTrue(
        Files.isExecutable(CHROMIUM),
        "chromium not found at "
            + CHROMIUM
            + ": skipping the report rendering check"
            + " (install Debian's chromium package to run it)");
    Files.createDirectories(OUT);
    ReplayResult result = ReplayFixtures.fullReplay();
    report = OUT.resolve("report.html").toAbsolutePath();
    HtmlReport.write(result, report);
    profile = Files.createTempDirectory("chromium-profile");
  }

  private static String chromium(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile));
    command.addAll(List.of(args));
    command.add(report.toUri().toString());
    Path stdout = Files.createTempFile(OUT, "chromium", ".out");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    boolean finished = process.waitFor(120, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    assertThat(finished).as("chromium finished within 120 s").isTrue();
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }

  private static Map<String, String> attributes(String tag) {
    Map<String, String> attributes = new HashMap<>();
    Matcher m = Pattern.compile("([a-z-]+)=\"([^\"]*)\"").matcher(tag);
    while (m.find()) {
      attributes.put(m.group(1), m.group(2));
    }
    return attributes;
  }

  @Test
  void uplotChartsRenderWithTheExpectedSeriesAndNoScriptErrors()
      throws IOException, InterruptedException {
    String dom = chromium("--dump-dom");

    Map<String, Map<String, String>> charts = new HashMap<>();
    Matcher m = CHART.matcher(dom);
    while (m.find()) {
      charts.put(m.group(1), attributes(m.group()));
    }
    assertThat(charts).containsKeys("chart-overview", "chart-frontier", "chart-incident-1");
    charts.forEach(
        (id, attributes) ->
            assertThat(attributes.get("data-rendered-series"))
                .as(id)
                .isEqualTo(attributes.get("data-series-count")));
    assertThat(dom).contains("data-js-errors=\"0\"");
    assertThat(dom).contains("data-charts-rendered=\"" + charts.size() + "\"");
    assertThat(count(dom, "<canvas")).isEqualTo(charts.size());
    assertThat(count(dom, "class=\"uplot")).isEqualTo(charts.size());
  }

  private static int count(String text, String needle) {
    int count = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      count++;
    }
    return count;
  }

  @Test
  void screenshotIsSaved() throws IOException, InterruptedException {
    Files.deleteIfExists(SCREENSHOT);

    chromium(
        "--screenshot=" + SCREENSHOT.toAbsolutePath(),
        "--window-size=1400,2000",
        "--hide-scrollbars");

    assertThat(SCREENSHOT).exists();
    assertThat(Files.size(SCREENSHOT)).isGreaterThan(20_000);
  }
}
