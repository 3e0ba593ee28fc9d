package io.predictivescaler.bench.report;

import io.predictivescaler.bench.replay.ReplayResult;
import io.predictivescaler.bench.sim.ReplayMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The per-strategy summary as rows of text, for stdout and the HTML table. */
public final class SummaryTable {

  static final List<String> HEADER =
      List.of(
          "strategy",
          "utilization",
          "overload min",
          "unserved %",
          "replica-h",
          "vs oracle",
          "scale events",
          "max replicas",
          "band cover %");

  private SummaryTable() {}

  /** One row per run, cells formatted, in {@link #HEADER} order. */
  static List<List<String>> rows(ReplayResult result) {
    Optional<ReplayMetrics> oracle = JsonReport.oracle(result);
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, io.predictivescaler.bench.sim.SimulationResult> e :
        result.runs().entrySet()) {
      ReplayMetrics m = e.getValue().metrics();
      rows.add(
          List.of(
              e.getKey(),
              format("%.2f", result.settings().utilizationFor(e.getKey())),
              format("%.1f", m.overloadMinutes()),
              format("%.3f", m.unservedFraction() * 100),
              format("%.1f", m.replicaHours()),
              oracle
                  .filter(o -> o.replicaHours() > 0)
                  .map(o -> format("%.3fx", m.replicaHours() / o.replicaHours()))
                  .orElse("-"),
              Integer.toString(m.scaleEvents()),
              Integer.toString(m.maxReplicas()),
              Double.isNaN(e.getValue().bandCoverage())
                  ? "-"
                  : format("%.1f", e.getValue().bandCoverage() * 100)));
    }
    return rows;
  }

  /** The table as aligned text, header first, one line per strategy. */
  public static String render(ReplayResult result) {
    List<List<String>> lines = new ArrayList<>();
    lines.add(HEADER);
    lines.addAll(rows(result));
    int[] widths = new int[HEADER.size()];
    for (List<String> line : lines) {
      for (int i = 0; i < line.size(); i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> line : lines) {
      for (int i = 0; i < line.size(); i++) {
        String cell = line.get(i);
        String pad = " ".repeat(widths[i] - cell.length());
        out.append(i == 0 ? cell + pad : "  " + pad + cell);
      }
      out.append(System.lineSeparator());
    }
    return out.toString();
  }

  private static String format(String pattern, double value) {
    return String.format(Locale.ROOT, pattern, value);
  }
}
