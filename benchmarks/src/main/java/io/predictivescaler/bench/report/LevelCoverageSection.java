package io.predictivescaler.bench.report;

import io.predictivescaler.bench.replay.ReplayResult;
import io.predictivescaler.bench.sim.LevelCoverage;
import io.predictivescaler.bench.sim.PeakBandCoverage;
import io.predictivescaler.bench.sim.SimulationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The calibration of each strategy's peak bands, level by level: {@code levelCoverage} in {@code
 * report.json}, and a table per strategy in the HTML report, so that "coverage within ±3 points of
 * nominal" can be read for every level, next to how often each level was the chosen one.
 */
final class LevelCoverageSection {

  /** How far, in points, a level's coverage may stray from nominal before the table flags it. */
  static final double TOLERANCE_POINTS = 3;

  private LevelCoverageSection() {}

  /** {@code levelCoverage} of one strategy; null when it gave no peak bands. */
  static Map<String, Object> json(PeakBandCoverage coverage) {
    if (coverage == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ticks", coverage.ticks());
    out.put("hpaChosenShare", round(coverage.hpaShare()));
    out.put("unchosenShare", round(coverage.unchosenShare()));
    List<Map<String, Object>> levels = new ArrayList<>();
    for (LevelCoverage level : coverage.levels()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("level", level.level());
      entry.put("coverage", round(level.coverage()));
      entry.put("outcomes", level.outcomes());
      entry.put("chosenShare", round(coverage.chosenShare(level)));
      levels.add(entry);
    }
    out.put("levels", levels);
    return out;
  }

  /** A table per strategy that gave peak bands; nothing when none did. */
  static void append(StringBuilder html, ReplayResult result) {
    boolean any = result.runs().values().stream().anyMatch(run -> run.peakBandCoverage() != null);
    if (!any) {
      return;
    }
    html.append("<section id=\"level-coverage\"><h2>Peak band calibration by level</h2>")
        .append("<p>After warm-up, each tick's calibrated band at every level against the actual")
        .append(" peak load over its lead window: the share of windows whose peak stayed within")
        .append(" the band should be the level. Flagged: more than ")
        .append(Html.label(TOLERANCE_POINTS))
        .append(" points off. <i>Chosen</i>: share of those ticks the counterfactual choice had")
        .append(" the level in force.</p>");
    result
        .runs()
        .forEach(
            (name, run) -> {
              if (run.peakBandCoverage() != null) {
                table(html, name, run);
              }
            });
    html.append("</section>");
  }

  private static void table(StringBuilder html, String strategy, SimulationResult run) {
    PeakBandCoverage coverage = run.peakBandCoverage();
    html.append("<table class=\"level-coverage\" data-strategy=\"")
        .append(Html.escape(strategy))
        .append("\"><caption>")
        .append(Html.escape(strategy))
        .append(": ")
        .append(coverage.ticks())
        .append(" ticks after warm-up; plain HPA chosen ")
        .append(percent(coverage.hpaShare()))
        .append(", before the first choice ")
        .append(percent(coverage.unchosenShare()))
        .append("</caption><thead><tr><th>level</th><th>coverage</th><th>off by (points)</th>")
        .append("<th>outcomes</th><th>chosen</th></tr></thead><tbody>");
    for (LevelCoverage level : coverage.levels()) {
      double off = 100 * (level.coverage() - level.level());
      boolean flagged = Math.abs(off) > TOLERANCE_POINTS;
      html.append(flagged ? "<tr class=\"off\">" : "<tr>")
          .append("<td>")
          .append(level.level())
          .append("</td><td>")
          .append(
              Double.isNaN(level.coverage())
                  ? "-"
                  : String.format(Locale.ROOT, "%.2f %%", level.coverage() * 100))
          .append("</td><td>")
          .append(Double.isNaN(off) ? "-" : String.format(Locale.ROOT, "%+.1f", off))
          .append("</td><td>")
          .append(level.outcomes())
          .append("</td><td>")
          .append(percent(coverage.chosenShare(level)))
          .append("</td></tr>");
    }
    html.append("</tbody></table>");
  }

  private static String percent(double share) {
    return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f %%", share * 100);
  }

  private static Double round(double value) {
    return Double.isFinite(value) ? Math.round(value * 1e6) / 1e6 : null;
  }
}
