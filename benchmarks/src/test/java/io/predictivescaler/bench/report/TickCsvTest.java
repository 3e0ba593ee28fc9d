package io.predictivescaler.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.predictivescaler.bench.replay.ReplayFixtures;
import io.predictivescaler.bench.replay.ReplayResult;
import io.predictivescaler.bench.sim.SimulationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TickCsvTest {

  private static final ReplayResult REPLAY = ReplayFixtures.fullReplay();

  @TempDir Path dir;

  @Test
  void aStrategyWithoutPeakBandsHasNoLevelColumn() throws Exception {
    Path file = dir.resolve("ticks.csv");

    TickCsv.write(REPLAY, file);

    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0))
        .isEqualTo(
            "time,load,hpa_replicas,hpa_ready,hpa_overloaded,hpa_reason,predictive_replicas,"
                + "predictive_ready,predictive_overloaded,predictive_reason,oracle_replicas,"
                + "oracle_ready,oracle_overloaded,oracle_reason");
    assertThat(lines).hasSize(REPLAY.scenario().ticks() + 1);
    SimulationResult hpa = REPLAY.runs().get("hpa");
    String[] first = lines.get(1).split(",");
    assertThat(first[0]).isEqualTo(REPLAY.scenario().timeAt(0).toString());
    assertThat(Double.parseDouble(first[1]))
        .isCloseTo(
            REPLAY.scenario().load()[0] / REPLAY.scenario().capacityPerReplica(), within(5e-5));
    assertThat(Integer.parseInt(first[2])).isEqualTo(hpa.replicas()[0]);
    assertThat(first[5]).isEqualTo(hpa.tickReasons()[0]);
  }

  /**
   * The level the choice had in force: empty before the first choice, {@code hpa} where it chose
   * the plain HPA, else the level (a halfway rung as its four decimals, not its binary sum); and
   * the candidate in force, by name.
   */
  @Test
  void aStrategyWithPeakBandsHasTheLevelAndCandidateInForceAtEachTick() throws Exception {
    SimulationResult p = REPLAY.runs().get("predictive");
    double[] levels = new double[p.replicas().length];
    Arrays.fill(levels, 0.995);
    levels[0] = Double.NaN;
    levels[1] = 0;
    levels[2] = 0.9;
    levels[3] = (0.8 + 0.9) / 2;
    String[] candidates = new String[levels.length];
    Arrays.fill(candidates, "q0.995+10%");
    candidates[0] = null;
    candidates[1] = "hpa";
    candidates[2] = "q0.9/r0.5";
    candidates[3] = "q0.85|q0.95";
    ReplayResult withLevels =
        ReplayFixtures.withRun(
            REPLAY,
            "predictive",
            new SimulationResult(
                p.scenario(),
                p.replicas(),
                p.ready(),
                p.forecastPoint(),
                p.forecastLower(),
                p.forecastUpper(),
                p.forecastModel(),
                p.reasons(),
                p.tickReasons(),
                levels,
                candidates,
                p.peakBandCoverage(),
                p.metrics()));
    Path file = dir.resolve("ticks.csv");

    TickCsv.write(withLevels, file);

    List<String> lines = Files.readAllLines(file);
    List<String> header = List.of(lines.get(0).split(",", -1));
    int level = header.indexOf("predictive_level");
    assertThat(level).isEqualTo(header.indexOf("predictive_reason") + 1);
    assertThat(header).doesNotContain("hpa_level", "oracle_level");
    assertThat(lines.subList(1, 6))
        .extracting(line -> line.split(",", -1)[level])
        .containsExactly("", "hpa", "0.9", "0.85", "0.995");
    int candidate = header.indexOf("predictive_candidate");
    assertThat(candidate).isEqualTo(level + 1);
    assertThat(header).doesNotContain("hpa_candidate", "oracle_candidate");
    assertThat(lines.subList(1, 6))
        .extracting(line -> line.split(",", -1)[candidate])
        .containsExactly("", "hpa", "q0.9/r0.5", "q0.85|q0.95", "q0.995+10%");
  }
}
