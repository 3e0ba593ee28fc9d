package io.predictivescaler.bench.report;

import io.predictivescaler.bench.replay.ReplayResult;
import io.predictivescaler.bench.sim.Scenario;
import io.predictivescaler.bench.sim.SimulationResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ticks.csv}: every tick of the replay, one row each, so that two strategies can be set side
 * by side where they differ (which ticks only one of them was overloaded in, and what each decided
 * just before). Columns: {@code time} (ISO-8601), {@code load} (in replicas' worth at full
 * capacity), then for each strategy run, in the report's order, {@code <strategy>_replicas}
 * (replicas asked for after the tick's decision), {@code <strategy>_ready} (Ready replicas serving
 * the tick), {@code <strategy>_overloaded} (1 when the load was above what they serve, else 0) and
 * {@code <strategy>_reason} (the decision's reason code), and for a strategy with calibrated peak
 * bands {@code <strategy>_level}: the quantile level its counterfactual choice had in force ({@code
 * hpa} where it chose the plain HPA, empty before the first choice), and {@code
 * <strategy>_candidate}: the candidate in force, with its reactive share, headroom or split ({@code
 * q0.9/r0.5}, {@code q0.999+10%}, {@code q0.8|q0.95}, {@code hpa}; empty before the first choice).
 * The overloaded ticks times the step are the strategy's overload minutes in {@code report.json};
 * the replicas times the step its replica-hours.
 */
public final class TickCsv {

  private TickCsv() {}

  public static void write(ReplayResult result, Path file) throws IOException {
    Scenario scenario = result.scenario();
    List<Map.Entry<String, SimulationResult>> runs = List.copyOf(result.runs().entrySet());
    double[] load = scenario.load();
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      StringBuilder header = new StringBuilder("time,load");
      for (Map.Entry<String, SimulationResult> run : runs) {
        String s = run.getKey();
        header.append(',').append(s).append("_replicas,").append(s).append("_ready,");
        header.append(s).append("_overloaded,").append(s).append("_reason");
        if (run.getValue().chosenLevels() != null) {
          header.append(',').append(s).append("_level,").append(s).append("_candidate");
        }
      }
      w.write(header.toString());
      w.newLine();
      StringBuilder row = new StringBuilder();
      for (int t = 0; t < load.length; t++) {
        row.setLength(0);
        row.append(scenario.timeAt(t)).append(',');
        row.append(String.format(Locale.ROOT, "%.4f", load[t] / scenario.capacityPerReplica()));
        for (Map.Entry<String, SimulationResult> run : runs) {
          SimulationResult r = run.getValue();
          int ready = r.ready()[t];
          row.append(',').append(r.replicas()[t]).append(',').append(ready).append(',');
          row.append(scenario.overloaded(load[t], ready) ? 1 : 0).append(',');
          row.append(r.tickReasons()[t]);
          if (r.chosenLevels() != null) {
            row.append(',').append(level(r.chosenLevels()[t]));
            String candidate = r.chosenCandidates()[t];
            row.append(',').append(candidate == null ? "" : candidate);
          }
        }
        w.write(row.toString());
        w.newLine();
      }
    }
  }

  /** {@code hpa} for the plain HPA (0), empty before the first choice (NaN), else the level. */
  private static String level(double level) {
    if (Double.isNaN(level)) {
      return "";
    }
    if (level == 0) {
      return "hpa";
    }
    // a halfway rung is computed, (0.8 + 0.9) / 2 = 0.8500000000000001: levels have 4 decimals
    return new BigDecimal(String.format(Locale.ROOT, "%.4f", level))
        .stripTrailingZeros()
        .toPlainString();
  }
}
