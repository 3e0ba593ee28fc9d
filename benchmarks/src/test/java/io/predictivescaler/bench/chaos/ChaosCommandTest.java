package io.predictivescaler.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.predictivescaler.bench.cli.BenchCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A short seeded chaos run of the real service: every fault kind (one of the five workloads is in
 * hpa-floor mode), no violation.
 */
class ChaosCommandTest {

  @TempDir Path out;

  @Test
  void aShortSeededRunInjectsManyFaultKindsAndKeepsEveryInvariant() throws Exception {
    StringWriter stdout = new StringWriter();
    CommandLine cli = BenchCli.configure(new CommandLine(new BenchCli()));
    cli.setOut(new PrintWriter(stdout));
    cli.setErr(new PrintWriter(stdout));

    int exit =
        cli.execute(
            "chaos",
            "--seed",
            "1",
            "--days",
            "1",
            "--workloads",
            "5",
            "--step",
            "5m",
            "--fault-rate",
            "0.3",
            "--out",
            out.toString());

    JsonNode json = new ObjectMapper().readTree(out.resolve("chaos.json").toFile());
    assertThat(json.path("seed").asLong()).isEqualTo(1);
    assertThat(json.path("ticks").asLong()).isEqualTo(288);
    int kinds = 0;
    int faults = 0;
    for (JsonNode count : json.path("faults")) {
      kinds += count.asInt() > 0 ? 1 : 0;
      faults += count.asInt();
    }
    assertThat(kinds).as(json.path("faults").toString()).isEqualTo(FaultKind.values().length);
    assertThat(faults).isGreaterThanOrEqualTo(50);
    assertThat(json.path("scalerWrites").asLong()).as("the checks saw real writes").isPositive();
    assertThat(json.path("violations").size()).isEqualTo(Invariant.values().length);
    for (JsonNode count : json.path("violations")) {
      assertThat(count.asInt()).as(stdout.toString()).isZero();
    }
    assertThat(exit).as(stdout.toString()).isZero();
  }

  @Test
  void rejectsTooFewWorkloadsNamingTheFlag() {
    StringWriter err = new StringWriter();
    CommandLine cli = BenchCli.configure(new CommandLine(new BenchCli()));
    cli.setErr(new PrintWriter(err));

    int exit = cli.execute("chaos", "--workloads", "1", "--out", out.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--workloads must be in 2..200, got 1");
  }
}
