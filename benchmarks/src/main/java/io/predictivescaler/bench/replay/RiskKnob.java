package io.predictivescaler.bench.replay;

import io.predictivescaler.bench.strategy.StrategyFactory;
import io.predictivescaler.core.config.RiskBudget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sweeps {@code predictive} over its own risk knob: the risk budget, as a share of minutes allowed
 * overloaded, from far stricter than any HPA setting to far looser. The points do not depend on the
 * {@code --sweep} range (which is in units of utilization).
 *
 * <p>The budget alone does not reach either end of the HPA's replica-hour range. A budget stricter
 * than what the history can tell apart stops buying capacity (every candidate was safe), so the
 * strictest budget is also run with the band sized for less than full capacity ({@link
 * #EXTRA_HEADROOM}). A budget looser than every candidate's overload stops saving: the cheapest
 * candidate's band never sizes below the newest load, so the loosest budget is also run sized for
 * more load per replica than a replica serves ({@link #OVERCOMMIT}), as the HPA's 0.95 target
 * leaves less headroom than its 0.9. Those entries name both settings. The default, {@code risk:
 * hpa}, is a point of the frontier as well.
 */
final class RiskKnob implements SweepKnob {

  /**
   * Budgets visited at full capacity, strictest first: about two per factor of three between 0.03 %
   * and 3 %, where the HPA's settings overload on real traces, so that the frontier is drawn finely
   * where it is compared with the HPA's, and up to 30 % in steps of about 1.5, where the cheapest
   * point with the HPA's overload lies on the heavily overloaded traces (a run costs little more
   * than its ticks: the sweep's runs share their forecaster's fits).
   */
  static final List<Double> BUDGETS =
      List.of(
          0.00001, 0.0001, 0.0003, 0.0005, 0.001, 0.002, 0.003, 0.005, 0.01, 0.015, 0.02, 0.03,
          0.05, 0.07, 0.1, 0.15, 0.2, 0.3);

  /** Utilizations the strictest budget is also run at. */
  static final List<Double> EXTRA_HEADROOM = List.of(0.9, 0.8, 0.7, 0.6);

  /** Utilizations the loosest budget is also run at. */
  static final List<Double> OVERCOMMIT = List.of(1.05, 1.1, 1.15, 1.2);

  /** One point of the knob: a budget (ignored where {@code hpa}) at a utilization. */
  private record Point(double budget, double utilization, boolean hpa) {

    ReplaySettings apply(ReplaySettings settings) {
      RiskBudget risk = hpa ? RiskBudget.hpa() : RiskBudget.share(budget);
      return settings.withRisk(risk).withUtilizationFor(StrategyFactory.PREDICTIVE, utilization);
    }

    Map<String, Object> setting(String name) {
      Map<String, Object> setting = new LinkedHashMap<>();
      setting.put(name, hpa ? "hpa" : budget);
      if (utilization != 1.0) {
        setting.put("utilization", utilization);
      }
      return setting;
    }
  }

  private static final List<Point> POINTS = points();

  private static List<Point> points() {
    List<Point> points = new ArrayList<>();
    double strictest = BUDGETS.get(0);
    double loosest = BUDGETS.get(BUDGETS.size() - 1);
    for (double u : EXTRA_HEADROOM) {
      points.add(new Point(strictest, u, false));
    }
    for (double budget : BUDGETS) {
      points.add(new Point(budget, 1.0, false));
    }
    for (double u : OVERCOMMIT) {
      points.add(new Point(loosest, u, false));
    }
    points.add(new Point(0, 1.0, true));
    return List.copyOf(points);
  }

  @Override
  public String name() {
    return "risk";
  }

  /** Each point's index, in report order: {@code risk: hpa} last. */
  @Override
  public List<Double> values(SweepRange range) {
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < POINTS.size(); i++) {
      values.add((double) i);
    }
    return values;
  }

  @Override
  public ReplaySettings apply(ReplaySettings settings, double value) {
    return pointAt(value).apply(settings);
  }

  @Override
  public Map<String, Object> setting(double value) {
    return pointAt(value).setting(name());
  }

  /** The budget-only point at {@code budget}, at full capacity. */
  static double valueOf(double budget) {
    return EXTRA_HEADROOM.size() + BUDGETS.indexOf(budget);
  }

  private static Point pointAt(double value) {
    int index = (int) value;
    if (index != value || index < 0 || index >= POINTS.size()) {
      throw new IllegalArgumentException("no risk point " + value);
    }
    return POINTS.get(index);
  }
}
