package io.predictivescaler.bench.replay;

import io.predictivescaler.bench.strategy.StrategyFactory;
import io.predictivescaler.core.config.RiskBudget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sweeps {@code predictive} over its own risk knob: the risk budget, as a share of minutes allowed
 * overloaded, from far stricter than any HPA setting to far looser. The values do not depend on the
 * {@code --sweep} range (which is in units of utilization).
 *
 * <p>A budget stricter than what the history can tell apart stops buying capacity (every candidate
 * was safe): to reach the costly end of the HPA's range too, the strictest budget is also run with
 * the band sized for less than full capacity ({@link #EXTRA_HEADROOM}), and those entries name both
 * settings. The default, {@code risk: hpa}, is a point of the frontier as well.
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

  /** The value that stands for {@code risk: hpa}, the default: a point of the frontier too. */
  static final double HPA = -1;

  /** Utilizations the strictest budget is also run at. */
  static final List<Double> EXTRA_HEADROOM = List.of(0.9, 0.8, 0.7, 0.6);

  @Override
  public String name() {
    return "risk";
  }

  /**
   * Budgets as themselves; the strictest budget at utilization {@code u} as {@code 2 - u}; {@code
   * risk: hpa} as {@link #HPA}, last.
   */
  @Override
  public List<Double> values(SweepRange range) {
    List<Double> values = new ArrayList<>();
    for (double u : EXTRA_HEADROOM) {
      values.add(2 - u);
    }
    values.addAll(BUDGETS);
    values.add(HPA);
    return values;
  }

  @Override
  public ReplaySettings apply(ReplaySettings settings, double value) {
    if (value == HPA) {
      return settings
          .withRisk(RiskBudget.hpa())
          .withUtilizationFor(StrategyFactory.PREDICTIVE, 1.0);
    }
    if (value >= 1) {
      return settings
          .withRisk(RiskBudget.share(BUDGETS.get(0)))
          .withUtilizationFor(StrategyFactory.PREDICTIVE, utilizationOf(value));
    }
    return settings
        .withRisk(RiskBudget.share(value))
        .withUtilizationFor(StrategyFactory.PREDICTIVE, 1.0);
  }

  @Override
  public Map<String, Object> setting(double value) {
    Map<String, Object> setting = new LinkedHashMap<>();
    if (value == HPA) {
      setting.put(name(), "hpa");
    } else if (value >= 1) {
      setting.put(name(), BUDGETS.get(0));
      setting.put("utilization", utilizationOf(value));
    } else {
      setting.put(name(), value);
    }
    return setting;
  }

  /** The utilization a value at or above 1 encodes, to two decimals (no float noise). */
  private static double utilizationOf(double value) {
    return Math.round((2 - value) * 100) / 100.0;
  }
}
