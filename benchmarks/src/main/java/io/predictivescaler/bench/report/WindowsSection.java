package io.predictivescaler.bench.report;

import io.predictivescaler.bench.replay.ReplayResult;
import io.predictivescaler.bench.replay.WindowOutcome;
import io.predictivescaler.bench.replay.WindowReplays;
import io.predictivescaler.bench.sim.ReplayMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code --windows} replays: a line on stdout, {@code windows} in {@code report.json} and a
 * section of the HTML report listing the windows predictive missed the default contract in, so that
 * an engineer sees how the scaler does on a workload that has just joined, not only after weeks.
 */
public final class WindowsSection {

  private WindowsSection() {}

  /** One line for stdout, e.g. {@code windows of 3 days from a cold start: 25; predictive ...}. */
  public static String line(WindowReplays windows) {
    String length = windows.days() == 1 ? "1 day" : windows.days() + " days";
    if (windows.outcomes().isEmpty()) {
      return "windows of " + length + ": none, the trace holds no whole one";
    }
    return String.format(
        Locale.ROOT,
        "windows of %s from a cold start: %d; predictive missed the default contract in %d"
            + " (overload %s, replica-h %.4fx hpa's, summed over the windows)",
        length,
        windows.outcomes().size(),
        windows.missed().size(),
        Double.isNaN(windows.overloadRatio())
            ? "none for hpa"
            : String.format(Locale.ROOT, "%.3fx", windows.overloadRatio()),
        windows.replicaHoursRatio());
  }

  /** {@code windows} in {@code report.json}; null without {@code --windows}. */
  static Map<String, Object> json(ReplayResult result) {
    if (result.windows().isEmpty()) {
      return null;
    }
    WindowReplays windows = result.windows().get();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("days", windows.days());
    out.put("count", windows.outcomes().size());
    out.put("missed", windows.missed().size());
    out.put("overloadRatio", JsonReport.round(windows.overloadRatio()));
    out.put("replicaHoursRatio", JsonReport.round(windows.replicaHoursRatio()));
    List<Map<String, Object>> entries = new ArrayList<>();
    for (WindowOutcome w : windows.outcomes()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("start", w.start().toString());
      entry.put("end", w.end().toString());
      entry.put("hpa", figures(w.hpa()));
      entry.put("predictive", figures(w.predictive()));
      entry.put("keepsContract", w.keepsContract());
      entries.add(entry);
    }
    out.put("windows", entries);
    return out;
  }

  /** The section; nothing without {@code --windows}. */
  static void append(StringBuilder html, ReplayResult result) {
    if (result.windows().isEmpty()) {
      return;
    }
    WindowReplays windows = result.windows().get();
    List<WindowOutcome> missed = windows.missed();
    html.append("<section id=\"windows\"><h2>Windows from a cold start</h2><p>")
        .append(Html.escape(line(windows)))
        .append(". Each window is replayed on its own, so its first day is the scaler's first;")
        .append(" missed: more overload than hpa (beyond 5 minutes where hpa's is under 20)")
        .append(" or more replica-hours.</p>");
    if (missed.isEmpty()) {
      html.append("</section>");
      return;
    }
    html.append("<table><thead><tr><th>window</th><th>overload min hpa</th>")
        .append("<th>overload min predictive</th><th>replica-h hpa</th>")
        .append("<th>replica-h predictive</th><th>missed on</th></tr></thead><tbody>");
    for (WindowOutcome w : missed) {
      html.append("<tr><td>")
          .append(Html.escape(w.start().toString().substring(0, 10)))
          .append("</td><td>")
          .append(Html.label(w.hpa().overloadMinutes()))
          .append("</td><td>")
          .append(Html.label(w.predictive().overloadMinutes()))
          .append("</td><td>")
          .append(String.format(Locale.ROOT, "%.1f", w.hpa().replicaHours()))
          .append("</td><td>")
          .append(String.format(Locale.ROOT, "%.1f", w.predictive().replicaHours()))
          .append("</td><td>")
          .append(w.keptOverload() ? "replica-hours" : "overload")
          .append("</td></tr>");
    }
    html.append("</tbody></table></section>");
  }

  private static Map<String, Object> figures(ReplayMetrics metrics) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("overloadMinutes", JsonReport.round(metrics.overloadMinutes()));
    out.put("replicaHours", JsonReport.round(metrics.replicaHours()));
    return out;
  }
}
