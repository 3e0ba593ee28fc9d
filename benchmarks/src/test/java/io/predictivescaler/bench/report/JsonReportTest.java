package io.predictivescaler.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.predictivescaler.bench.replay.ReplayFixtures;
import io.predictivescaler.bench.replay.ReplayResult;
import io.predictivescaler.bench.trace.Trace;
import io.predictivescaler.bench.trace.TraceRepairs;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportTest {

  @TempDir Path dir;

  @Test
  void followsTheArchitectureShape() throws IOException {
    ReplayResult result = ReplayFixtures.fullReplay();
    Path file = dir.resolve("report.json");

    JsonReport.write(result, file);

    JsonNode json = new ObjectMapper().readTree(file.toFile());
    assertThat(json.get("trace").asText()).isEqualTo("daily-wave.csv");
    assertThat(json.get("points").asInt()).isEqualTo(result.trace().size());
    assertThat(json.get("stepSeconds").asInt()).isEqualTo(60);
    for (String name : new String[] {"hpa", "predictive", "oracle"}) {
      JsonNode s = json.get("strategies").get(name);
      assertThat(s).as(name).isNotNull();
      var metrics = result.runs().get(name).metrics();
      assertThat(s.get("overloadMinutes").asDouble()).isEqualTo(metrics.overloadMinutes());
      assertThat(s.get("unservedFraction").isNumber()).isTrue();
      assertThat(s.get("replicaHours").asDouble())
          .isCloseTo(metrics.replicaHours(), org.assertj.core.api.Assertions.within(1e-6));
      assertThat(s.get("scaleEvents").asInt()).isEqualTo(metrics.scaleEvents());
    }
    JsonNode forecast = json.get("forecast");
    assertThat(forecast.get("model").asText()).isEqualTo("last-value-test");
    assertThat(forecast.get("horizonSeconds").asInt()).isEqualTo(600);
    assertThat(forecast.get("mase").isNumber()).isTrue();
    assertThat(forecast.get("smape").isNumber()).isTrue();
    int hpaEntries = 0;
    for (JsonNode entry : json.get("sweep")) {
      if (entry.get("strategy").asText().equals("hpa")) {
        hpaEntries++;
      } else {
        assertThat(entry.get("setting").has("risk")).as("predictive sweeps its risk").isTrue();
      }
    }
    assertThat(hpaEntries).isEqualTo(4);
    assertThat(json.get("sweep").size()).isGreaterThan(hpaEntries);
    JsonNode first = json.get("sweep").get(0);
    assertThat(first.get("strategy").asText()).isEqualTo("hpa");
    assertThat(first.get("setting").get("utilization").asDouble()).isEqualTo(0.6);
    assertThat(first.get("overloadMinutes").isNumber()).isTrue();
    assertThat(first.get("replicaHours").isNumber()).isTrue();
    assertThat(first.get("bandCoverage").isNumber()).isTrue();
  }

  @Test
  void bandCoverageSitsNextToTheReasonsAndIsNullWithoutABand() throws IOException {
    ReplayResult result = ReplayFixtures.fullReplay();

    JsonNode strategies = writtenStrategies(result);
    assertThat(strategies.get("predictive").get("reasons").isObject()).isTrue();
    assertThat(strategies.get("predictive").get("bandCoverage").asDouble())
        .isCloseTo(
            result.runs().get("predictive").bandCoverage(),
            org.assertj.core.api.Assertions.within(1e-6))
        .isBetween(0.0, 1.0);
    assertThat(strategies.get("oracle").get("bandCoverage").isNull()).isTrue();
  }

  @Test
  void eachStrategysDaysSumToItsTotals() throws IOException {
    ReplayResult result = ReplayFixtures.fullReplay();

    JsonNode strategies = writtenStrategies(result);
    long days =
        java.time.temporal.ChronoUnit.DAYS.between(
                result.trace().start().atZone(java.time.ZoneOffset.UTC).toLocalDate(),
                result.trace().end().atZone(java.time.ZoneOffset.UTC).toLocalDate())
            + 1;
    for (String name : new String[] {"hpa", "predictive", "oracle"}) {
      JsonNode daily = strategies.get(name).get("daily");
      assertThat(daily.size()).as(name).isEqualTo((int) days);
      assertThat(daily.get(0).get("day").asText())
          .isEqualTo(
              result.trace().start().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString());
      double overload = 0;
      double replicaHours = 0;
      for (JsonNode day : daily) {
        overload += day.get("overloadMinutes").asDouble();
        replicaHours += day.get("replicaHours").asDouble();
      }
      var metrics = result.runs().get(name).metrics();
      assertThat(overload).as(name).isCloseTo(metrics.overloadMinutes(), within(0.01 * days));
      assertThat(replicaHours).as(name).isCloseTo(metrics.replicaHours(), within(0.001 * days));
      assertThat(replicaHours).as(name).isPositive();
    }
  }

  @Test
  void traceInfoCountsTheLoadersRepairsNextToTheFilledPoints() throws IOException {
    ReplayResult full = ReplayFixtures.fullReplay();
    Trace repaired = repaired(full.trace(), new TraceRepairs(1, 30, 12, 2120, 3, 47));

    JsonNode traceInfo = writtenTraceInfo(withTrace(full, repaired));
    JsonNode cleanInfo = writtenTraceInfo(full);

    assertThat(traceInfo.get("filledPoints").asInt()).isZero();
    assertThat(traceInfo.get("reorderedRows").asInt()).isEqualTo(1);
    assertThat(traceInfo.get("firstReorderedLine").asInt()).isEqualTo(30);
    assertThat(traceInfo.get("mergedRows").asInt()).isEqualTo(12);
    assertThat(traceInfo.get("firstMergedLine").asInt()).isEqualTo(2120);
    assertThat(traceInfo.get("snappedRows").asInt()).isEqualTo(3);
    assertThat(traceInfo.get("firstSnappedLine").asInt()).isEqualTo(47);
    assertThat(cleanInfo.get("mergedRows").isInt()).isTrue();
    assertThat(cleanInfo.get("mergedRows").asInt()).isZero();
    assertThat(cleanInfo.get("firstMergedLine").asInt()).isZero();
  }

  @Test
  void withoutForecastsTheForecastBlockHasNulls() {
    ReplayResult full = ReplayFixtures.fullReplay();
    ReplayResult oracleOnly =
        new ReplayResult(
            full.trace(),
            full.scenario(),
            full.settings(),
            java.util.Map.of("oracle", full.runs().get("oracle")),
            java.util.List.of(),
            java.util.List.of());

    var forecast = (java.util.Map<?, ?>) JsonReport.tree(oracleOnly).get("forecast");

    assertThat(forecast.get("model")).isNull();
    assertThat(forecast.get("mase")).isNull();
    assertThat(forecast.get("horizonSeconds")).isEqualTo(600L);
  }

  @Test
  void hourlySpikesAt1e308KeepTheUnservedFractionANumber() {
    double[] values = new double[600];
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 12 == 6 ? 1e308 : 10;
    }
    ReplayResult result = ReplayFixtures.replay(ReplayFixtures.withValues(values));

    var strategies = (java.util.Map<?, ?>) JsonReport.tree(result).get("strategies");

    for (Object entry : strategies.values()) {
      assertThat(((java.util.Map<?, ?>) entry).get("unservedFraction")).isInstanceOf(Double.class);
    }
  }

  /** {@code result} as if its trace had been {@code trace}. */
  static ReplayResult withTrace(ReplayResult result, Trace trace) {
    return new ReplayResult(
        trace,
        result.scenario(),
        result.settings(),
        result.runs(),
        result.sweep(),
        result.skipped());
  }

  /** {@code trace} as if the loader had made {@code repairs} to its file. */
  static Trace repaired(Trace trace, TraceRepairs repairs) {
    return new Trace(
        trace.name(),
        trace.epochSeconds(),
        trace.values(),
        trace.sourceInterval(),
        trace.filledPoints(),
        repairs);
  }

  /** {@code result} written to report.json and read back: its {@code traceInfo}. */
  private JsonNode writtenTraceInfo(ReplayResult result) throws IOException {
    Path file = dir.resolve("report.json");
    JsonReport.write(result, file);
    return new ObjectMapper().readTree(file.toFile()).get("traceInfo");
  }

  /** {@code result} written to report.json and read back: its {@code strategies}. */
  private JsonNode writtenStrategies(ReplayResult result) throws IOException {
    Path file = dir.resolve("report.json");
    JsonReport.write(result, file);
    return new ObjectMapper().readTree(file.toFile()).get("strategies");
  }
}
