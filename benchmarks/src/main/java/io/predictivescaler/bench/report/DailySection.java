package io.predictivescaler.bench.report;

import io.predictivescaler.bench.replay.ReplayResult;
import io.predictivescaler.bench.sim.SimulationResult;
import io.predictivescaler.bench.strategy.StrategyFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The days on which {@code predictive} did worse than {@code hpa}: one table of the days with more
 * overload, most first, one of the days with more replica-hours, most first, so that an engineer
 * sees which day to zoom into: a month's totals hide a day that went wrong.
 */
final class DailySection {

  /** Days listed per table at most; the count of all such days is in the section's text. */
  static final int MAX_DAYS = 10;

  private DailySection() {}

  /** Nothing unless both {@code hpa} and {@code predictive} ran. */
  static void append(StringBuilder html, ReplayResult result) {
    SimulationResult hpa = result.runs().get(StrategyFactory.HPA);
    SimulationResult predictive = result.runs().get(StrategyFactory.PREDICTIVE);
    if (hpa == null || predictive == null) {
      return;
    }
    List<DailyFigures> hpaDays = DailyFigures.of(hpa);
    List<DailyFigures> predictiveDays = DailyFigures.of(predictive);
    List<Integer> overloaded = worse(hpaDays, predictiveDays, DailyFigures::overloadMinutes);
    List<Integer> dearer = worse(hpaDays, predictiveDays, DailyFigures::replicaHours);
    html.append("<section id=\"days\"><h2>Days predictive did worse than hpa</h2><p>")
        .append(
            String.format(
                Locale.ROOT,
                "Of %d days (UTC), predictive was overloaded longer than hpa on %d and cost more"
                    + " on %d.",
                hpaDays.size(),
                overloaded.size(),
                dearer.size()))
        .append("</p>");
    table(html, "more overload", overloaded, hpaDays, predictiveDays);
    table(html, "more replica-hours", dearer, hpaDays, predictiveDays);
    html.append("</section>");
  }

  /** The days on which predictive's figure exceeded hpa's, the largest excess first. */
  private static List<Integer> worse(
      List<DailyFigures> hpa, List<DailyFigures> predictive, ToDoubleFunction<DailyFigures> of) {
    List<Integer> days = new ArrayList<>();
    for (int i = 0; i < hpa.size(); i++) {
      if (of.applyAsDouble(predictive.get(i)) > of.applyAsDouble(hpa.get(i)) + 1e-9) {
        days.add(i);
      }
    }
    days.sort(
        Comparator.comparingDouble(
            (Integer i) -> of.applyAsDouble(hpa.get(i)) - of.applyAsDouble(predictive.get(i))));
    return days;
  }

  private static void table(
      StringBuilder html,
      String what,
      List<Integer> days,
      List<DailyFigures> hpaDays,
      List<DailyFigures> predictiveDays) {
    if (days.isEmpty()) {
      return;
    }
    html.append("<table class=\"days\"><caption>")
        .append(what)
        .append(
            days.size() > MAX_DAYS
                ? String.format(Locale.ROOT, ": the %d largest of %d days", MAX_DAYS, days.size())
                : "")
        .append("</caption><thead><tr><th>day</th>")
        .append("<th>overload min hpa</th><th>overload min predictive</th>")
        .append("<th>replica-h hpa</th><th>replica-h predictive</th></tr></thead><tbody>");
    for (int i : days.subList(0, Math.min(MAX_DAYS, days.size()))) {
      DailyFigures h = hpaDays.get(i);
      DailyFigures p = predictiveDays.get(i);
      html.append("<tr><td>")
          .append(h.day())
          .append("</td><td>")
          .append(Html.label(h.overloadMinutes()))
          .append("</td><td>")
          .append(Html.label(p.overloadMinutes()))
          .append("</td><td>")
          .append(String.format(Locale.ROOT, "%.1f", h.replicaHours()))
          .append("</td><td>")
          .append(String.format(Locale.ROOT, "%.1f", p.replicaHours()))
          .append("</td></tr>");
    }
    html.append("</tbody></table>");
  }
}
