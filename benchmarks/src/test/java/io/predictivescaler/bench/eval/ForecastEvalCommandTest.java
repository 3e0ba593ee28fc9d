package io.predictivescaler.bench.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.predictivescaler.bench.cli.BenchCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ForecastEvalCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = BenchCli.configure(new CommandLine(new ForecastEvalCommand()));
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  /** Runs forecast-eval on {@code file} at a 5-minute horizon, writing to {@code dir/o}. */
  private int evaluateAtFiveMinutes(Path file, String models) {
    return run(
        "--trace",
        file.toString(),
        "--horizon",
        "5m",
        "--models",
        models,
        "--out",
        dir.resolve("o").toString());
  }

  private Path trace(int points) throws Exception {
    var fmt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    LocalDateTime t = LocalDateTime.of(2024, 1, 1, 0, 0);
    StringBuilder sb = new StringBuilder("timestamp,value\n");
    for (int i = 0; i < points; i++) {
      double v = 100 + 50 * Math.sin(2 * Math.PI * i / 288);
      sb.append(fmt.format(t.plusMinutes(5L * i))).append(',').append(v).append('\n');
    }
    Path file = dir.resolve("sine.csv");
    Files.writeString(file, sb);
    return file;
  }

  @Test
  void writesTheArchitectureJsonShape() throws Exception {
    Path file = trace(3 * 288);

    int code = evaluateAtFiveMinutes(file, "last-value,seasonal-naive");

    assertThat(code).as(err.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(dir.resolve("o/forecast-eval.json").toFile());
    assertThat(json.get("trace").asText()).isEqualTo("sine.csv");
    assertThat(json.get("stepSeconds").asLong()).isEqualTo(300);
    assertThat(json.get("horizonSeconds").asLong()).isEqualTo(300);
    assertThat(json.get("origins").asInt()).isEqualTo(287);
    JsonNode sn = json.get("models").get("seasonal-naive");
    for (String field :
        new String[] {
          "mae", "rmse", "smape", "mase", "underShare", "fitMillisMedian", "predictMicrosMedian"
        }) {
      assertThat(sn.has(field)).as(field).isTrue();
    }
    assertThat(sn.get("mae").asDouble()).isLessThan(1e-3);
    assertThat(out.toString()).contains("last-value").contains("seasonal-naive");
    // on a smooth sine each point is nearly the mean of its two nearest neighbours
    JsonNode floor = json.get("noiseFloor");
    assertThat(floor.get("halfWidth").asInt()).isEqualTo(1);
    // the last scored point is the series' last: no neighbour after it
    assertThat(floor.get("points").asInt()).isEqualTo(286);
    assertThat(floor.get("mae").asDouble()).isPositive().isLessThan(0.1);
    assertThat(out.toString()).contains("noise floor");
  }

  @Test
  void theJsonSaysWhatTheLoaderRepaired() throws Exception {
    Path clean = trace(3 * 288);
    String rows = Files.readString(clean);
    // the 11th row written twice, the second time with another value
    String eleventh = rows.lines().skip(11).findFirst().orElseThrow();
    Path file = dir.resolve("repaired.csv");
    Files.writeString(file, rows.replace(eleventh + "\n", eleventh + "\n" + eleventh + "0\n"));

    int code = evaluateAtFiveMinutes(file, "last-value");

    assertThat(code).as(err.toString()).isZero();
    JsonNode info =
        new ObjectMapper().readTree(dir.resolve("o/forecast-eval.json").toFile()).get("traceInfo");
    assertThat(info.get("mergedRows").asInt()).isEqualTo(1);
    assertThat(info.get("firstMergedLine").asInt()).isEqualTo(13);
    assertThat(info.get("reorderedRows").asInt()).isZero();
    assertThat(info.get("snappedRows").asInt()).isZero();
    assertThat(info.get("intervalSeconds").asLong()).isEqualTo(300);
    assertThat(info.get("start").asText()).isEqualTo("2024-01-01T00:00:00Z");
    assertThat(err.toString()).contains("1 duplicate timestamp merged by mean (first at line 13)");
  }

  @Test
  void malformedLineIsAnErrorNamingTheLine() throws Exception {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, "timestamp,value\n2024-01-01 00:00:00,1\n2024-01-01 00:05:00,abc\n");

    int code = run("--trace", file.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("line 3");
  }

  @Test
  void strictTraceRejectsADuplicateTimestampNamingTheLine() throws Exception {
    Path file = dir.resolve("dup.csv");
    Files.writeString(
        file,
        "timestamp,value\n2024-01-01 00:00:00,1\n2024-01-01 00:05:00,2\n"
            + "2024-01-01 00:05:00,3\n");

    int code = run("--trace", file.toString(), "--strict-trace");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("line 4: duplicate timestamp (same as line 3)");
  }

  @Test
  void unknownModelIsAUsageError() throws Exception {
    Path file = trace(10);

    int code = run("--trace", file.toString(), "--models", "arima");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("model: must be one of");
  }
}
