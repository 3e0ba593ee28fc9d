package io.predictivescaler.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.predictivescaler.bench.replay.ReplayFixtures;
import io.predictivescaler.bench.replay.ReplaySettings;
import io.predictivescaler.bench.strategy.OracleStrategy;
import io.predictivescaler.bench.strategy.StrategyFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class ReplayCommandTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(ReplayCommandTest.class.getResource("/traces/" + name).toURI());
  }

  private int run(StrategyFactory factory, String... args) {
    CommandLine cli = BenchCli.configure(new CommandLine(new ReplayCommand(factory)));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private int replay(String... args) throws URISyntaxException {
    List<String> all = new ArrayList<>(List.of("--trace", resource("step-3h.csv").toString()));
    all.addAll(List.of("--out", dir.resolve("out").toString()));
    all.addAll(List.of(args));
    return run(ReplayFixtures.testFactory(), all.toArray(String[]::new));
  }

  @Test
  void settingsForTakesTheCommandsDefaultsWhereTheArgumentsAreSilent() {
    ReplaySettings defaults = ReplayCommand.settingsFor();
    ReplaySettings changed = ReplayCommand.settingsFor("--horizon", "5m", "--strategies", "hpa");

    assertThat(changed.horizon()).isEqualTo(Duration.ofMinutes(5));
    assertThat(changed.strategies()).containsExactly("hpa");
    assertThat(defaults.horizon()).isEqualTo(Duration.ofMinutes(10));
    assertThat(defaults.strategies()).containsExactlyElementsOf(StrategyFactory.KNOWN);
    assertThat(changed)
        .isEqualTo(
            new ReplaySettings(
                defaults.peakReplicas(),
                defaults.step(),
                Duration.ofMinutes(5),
                defaults.startupDelay(),
                defaults.metricDelay(),
                defaults.utilization(),
                defaults.hpaUtilization(),
                List.of("hpa"),
                defaults.sweep(),
                defaults.policyFile(),
                defaults.risk()));
  }

  @Test
  void settingsForRejectsAnInvalidValueNamingTheOption() {
    assertThatThrownBy(() -> ReplayCommand.settingsFor("--horizon", "0s"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("--horizon")
        .hasMessageContaining("0s");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--step|abc",
        "--step|500ms",
        "--horizon|0s",
        "--startup-delay|soon",
        "--metric-delay|-5s",
        "--peak-replicas|0",
        "--peak-replicas|many",
        "--utilization|2.5",
        "--utilization|0",
        "--hpa-utilization|0",
        "--hpa-utilization|1.05",
        "--sweep|0.9:0.6:0.05",
        "--sweep|0.6-0.9",
        "--strategies|magic",
        "--threads|0",
        "--threads|many",
        "--policy|/no/such/policy.yaml",
        "--windows|0",
        "--windows|61",
        "--windows|two"
      })
  void badOptionValueIsAUsageErrorNamingOptionAndValue(String option, String value)
      throws URISyntaxException {
    int code = replay(option, value);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains(option).contains(value);
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void windowsReplayEachWholeDayOnItsOwnAndReportHowManyPredictiveMissed() throws Exception {
    StringBuilder csv = new StringBuilder("timestamp,value\n");
    for (int i = 0; i < 3 * 288; i++) {
      csv.append(1_700_006_400L + 300L * i)
          .append(',')
          .append(100 + 50 * Math.sin(2 * Math.PI * i / 288))
          .append('\n');
    }
    Path trace = Files.writeString(dir.resolve("three-days.csv"), csv);

    int code =
        run(
            ReplayFixtures.testFactory(),
            "--trace",
            trace.toString(),
            "--out",
            dir.resolve("out").toString(),
            "--strategies",
            "hpa,predictive",
            "--windows",
            "1");

    assertThat(code).as(err.toString()).isZero();
    JsonNode windows =
        new ObjectMapper().readTree(dir.resolve("out/report.json").toFile()).get("windows");
    assertThat(windows.get("days").asInt()).isEqualTo(1);
    assertThat(windows.get("count").asInt()).isEqualTo(3);
    assertThat(windows.get("windows")).hasSize(3);
    assertThat(windows.get("windows").get(1).get("start").asText())
        .isEqualTo("2023-11-16T00:00:00Z");
    int missed = 0;
    for (JsonNode w : windows.get("windows")) {
      missed += w.get("keepsContract").asBoolean() ? 0 : 1;
    }
    assertThat(windows.get("missed").asInt()).isEqualTo(missed);
    assertThat(out.toString())
        .contains(
            "windows of 1 day from a cold start: 3; predictive missed the default contract in "
                + missed);
    assertThat(Files.readString(dir.resolve("out/report.html")))
        .contains("<section id=\"windows\"><h2>Windows from a cold start</h2>");
  }

  @Test
  void withoutWindowsTheReportSaysNone() throws Exception {
    int code = replay("--strategies", "hpa,predictive");

    assertThat(code).as(err.toString()).isZero();
    assertThat(
            new ObjectMapper()
                .readTree(dir.resolve("out/report.json").toFile())
                .get("windows")
                .isNull())
        .isTrue();
    assertThat(out.toString()).doesNotContain("windows of");
    assertThat(Files.readString(dir.resolve("out/report.html"))).doesNotContain("id=\"windows\"");
  }

  @Test
  void predictiveMayPlanForMoreLoadPerReplicaThanAReplicaServes() throws Exception {
    int code = replay("--utilization", "1.2", "--strategies", "predictive");

    assertThat(code).as(err.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
    assertThat(json.get("strategies").get("predictive").get("utilization").asDouble())
        .isEqualTo(1.2);
  }

  @Test
  void missingTraceIsAUsageError() {
    int code = run(StrategyFactory.defaults(), "--trace", dir.resolve("none.csv").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--trace").contains("none.csv").contains("no such file");
  }

  @Test
  void malformedTraceIsOneLineNamingTheLine() throws URISyntaxException {
    int code =
        run(
            StrategyFactory.defaults(),
            "--trace",
            resource("bad-timestamp.csv").toString(),
            "--out",
            dir.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString().strip().lines()).hasSize(1);
    assertThat(err.toString()).contains("line 7").contains("2024-03-04 00:05:99");
  }

  @Test
  void traceWithAFiveYearGapIsOneLineNamingTheLineAndTheGap() throws IOException {
    Path trace = dir.resolve("gap.csv");
    Files.writeString(
        trace,
        "timestamp,value\n2015-01-01 00:00:00,1\n2015-01-01 00:05:00,2\n"
            + "2015-01-01 00:10:00,3\n2020-01-01 00:10:00,4\n");

    int code =
        run(
            StrategyFactory.defaults(),
            "--trace",
            trace.toString(),
            "--out",
            dir.resolve("out").toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString().strip().lines()).hasSize(1);
    assertThat(err.toString()).contains("line 5").contains("gap of 1826d").contains("limit 7d");
  }

  /** step-3h.csv with a second row at 00:01 (line 4) and a row at 00:02:20 (line 6). */
  private Path flawedTrace() throws IOException, URISyntaxException {
    List<String> lines = new ArrayList<>(Files.readAllLines(resource("step-3h.csv")));
    lines.add(3, "2024-03-04 00:01:00,53");
    lines.add(5, "2024-03-04 00:02:20,41");
    Path trace = dir.resolve("flawed.csv");
    Files.write(trace, lines);
    return trace;
  }

  @Test
  void repairedTraceIsReplayedWithOneWarningAndCountedInTheReport()
      throws IOException, URISyntaxException {
    Path outDir = dir.resolve("out");

    int code =
        run(
            ReplayFixtures.testFactory(),
            "--trace",
            flawedTrace().toString(),
            "--out",
            outDir.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(err.toString().lines().filter(l -> l.contains("flawed.csv")))
        .containsExactly(
            "warning: trace flawed.csv: 2 duplicate timestamps merged by mean (first at line 4);"
                + " 1 row moved onto the 60 s grid (first at line 6); pass --strict-trace to"
                + " reject such traces");
    JsonNode traceInfo =
        new ObjectMapper().readTree(outDir.resolve("report.json").toFile()).get("traceInfo");
    assertThat(traceInfo.get("mergedRows").asInt()).isEqualTo(2);
    assertThat(traceInfo.get("firstMergedLine").asInt()).isEqualTo(4);
    assertThat(traceInfo.get("snappedRows").asInt()).isEqualTo(1);
    assertThat(traceInfo.get("firstSnappedLine").asInt()).isEqualTo(6);
    assertThat(traceInfo.get("reorderedRows").asInt()).isZero();
  }

  @Test
  void strictTraceRejectsAFlawedTraceNamingFileAndLine() throws IOException, URISyntaxException {
    Path trace = flawedTrace();

    int code =
        run(
            ReplayFixtures.testFactory(),
            "--trace",
            trace.toString(),
            "--strict-trace",
            "--out",
            dir.resolve("out").toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString().strip())
        .isEqualTo("replay: error: " + trace + ": line 4: duplicate timestamp (same as line 3)");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void verboseAddsTheStackTrace() throws URISyntaxException {
    run(
        StrategyFactory.defaults(),
        "--trace",
        resource("bad-timestamp.csv").toString(),
        "--out",
        dir.toString(),
        "--verbose");

    assertThat(err.toString()).contains("line 7").contains("\tat ");
  }

  @Test
  void traceShorterThanTheHorizonIsARuntimeError() throws URISyntaxException {
    int code = replay("--horizon", "4h");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("shorter than the horizon 4h");
  }

  @Test
  void writesBothReportsAndTheSummaryTable() throws URISyntaxException, IOException {
    int code = replay("--sweep", "0.7:0.9:0.1", "--peak-replicas", "8");

    assertThat(code).as(err.toString()).isZero();
    Path outDir = dir.resolve("out");
    JsonNode json = new ObjectMapper().readTree(outDir.resolve("report.json").toFile());
    assertThat(json.get("strategies").size()).isEqualTo(3);
    assertThat(json.get("settings").get("peakReplicas").asInt()).isEqualTo(8);
    assertThat(Files.readString(outDir.resolve("report.html"))).contains("chart-frontier");
    assertThat(out.toString()).contains("overload min").contains("hpa").contains("oracle");
  }

  @Test
  void ticksCsvHasEveryTickAndAddsUpToTheReportsFigures() throws Exception {
    int code = replay("--ticks", "--peak-replicas", "8");

    assertThat(code).as(err.toString()).isZero();
    Path outDir = dir.resolve("out");
    JsonNode json = new ObjectMapper().readTree(outDir.resolve("report.json").toFile());
    List<String> lines = Files.readAllLines(outDir.resolve("ticks.csv"));
    assertThat(lines).hasSize(json.get("ticks").asInt() + 1);
    List<String> header = List.of(lines.get(0).split(","));
    assertThat(header.subList(0, 2)).containsExactly("time", "load");
    long step =
        Instant.parse(lines.get(2).split(",")[0]).getEpochSecond()
            - Instant.parse(lines.get(1).split(",")[0]).getEpochSecond();
    List<String> strategies = new ArrayList<>();
    json.get("strategies").fieldNames().forEachRemaining(strategies::add);
    assertThat(strategies).containsExactly("hpa", "predictive", "oracle");
    for (String s : strategies) {
      int replicas = header.indexOf(s + "_replicas");
      int overloaded = header.indexOf(s + "_overloaded");
      int reason = header.indexOf(s + "_reason");
      assertThat(header.get(replicas + 1)).isEqualTo(s + "_ready");
      long replicaTicks = 0;
      long overloadTicks = 0;
      Map<String, Integer> reasons = new HashMap<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(",");
        replicaTicks += Integer.parseInt(f[replicas]);
        overloadTicks += Integer.parseInt(f[overloaded]);
        reasons.merge(f[reason], 1, Integer::sum);
      }
      JsonNode figures = json.get("strategies").get(s);
      assertThat(overloadTicks * step / 60.0)
          .as(s)
          .isCloseTo(figures.get("overloadMinutes").asDouble(), within(1e-6));
      assertThat(replicaTicks * step / 3600.0)
          .as(s)
          .isCloseTo(figures.get("replicaHours").asDouble(), within(1e-5));
      figures
          .get("reasons")
          .fields()
          .forEachRemaining(
              e -> assertThat(reasons).containsEntry(e.getKey(), e.getValue().asInt()));
    }
    assertThat(out.toString()).contains("ticks:  ");
  }

  @Test
  void withoutTicksNoTickCsvIsWritten() throws Exception {
    int code = replay("--strategies", "hpa");

    assertThat(code).as(err.toString()).isZero();
    assertThat(dir.resolve("out").resolve("ticks.csv")).doesNotExist();
  }

  @Test
  void unavailableStrategiesAreSkippedWithAWarning() throws URISyntaxException {
    int code =
        run(
            StrategyFactory.empty().with("oracle", OracleStrategy::new),
            "--trace",
            resource("step-3h.csv").toString(),
            "--out",
            dir.toString());

    assertThat(code).isZero();
    assertThat(err.toString())
        .contains("'hpa' is not available")
        .contains("'predictive' is not available");
    assertThat(out.toString()).contains("oracle");
  }

  @Test
  void noRunnableStrategyIsARuntimeError() throws URISyntaxException {
    int code =
        run(
            StrategyFactory.empty().with("oracle", OracleStrategy::new),
            "--trace",
            resource("step-3h.csv").toString(),
            "--strategies",
            "hpa",
            "--out",
            dir.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("none of the strategies");
  }

  @Test
  void helpListsEveryOption() {
    int code = run(StrategyFactory.defaults(), "--help");

    assertThat(code).isZero();
    for (String option :
        List.of(
            "--trace",
            "--strict-trace",
            "--peak-replicas",
            "--step",
            "--horizon",
            "--startup-delay",
            "--metric-delay",
            "--policy",
            "--out",
            "--utilization",
            "--hpa-utilization",
            "--sweep",
            "--ticks",
            "--strategies")) {
      assertThat(out.toString()).contains(option);
    }
  }

  @Test
  void topLevelCommandListsReplay() {
    CommandLine cli = BenchCli.configure(new CommandLine(new BenchCli()));
    cli.setOut(new PrintWriter(out, true));

    int code = cli.execute("--help");

    assertThat(code).isZero();
    assertThat(out.toString()).contains("replay");
  }
}
