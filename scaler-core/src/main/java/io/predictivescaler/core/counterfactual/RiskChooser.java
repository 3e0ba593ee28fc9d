package io.predictivescaler.core.counterfactual;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Picks a workload's candidate by counterfactual replay of its own recent history: the plain HPA at
 * the reactive target, and predictive at each tracked quantile level. The budget is in overload
 * minutes: the HPA's own on the same history for {@code risk: hpa}, else the budget's share of the
 * minutes replayed; the HPA is always a candidate, so on its own history the choice is never worse
 * than the HPA.
 *
 * <p>The cheapest candidate within the budget is where in-sample luck concentrates: a history with
 * no overload says little about a candidate that ran close to the edge. So the choice is the one
 * with the least risk (overload plus a tenth of the near-miss minutes, load within a few percent of
 * Ready capacity) among the candidates within budget that cost at most {@link #COST_TOLERANCE} more
 * than the cheapest, and, for {@code risk: hpa}, no more than the HPA.
 */
public final class RiskChooser {

  /**
   * Shares added on top of the highest level's band: past the highest level the history can
   * calibrate, the only way to buy less risk is plain headroom, as the HPA does. The candidates
   * form one ladder, cheapest first (each level, then the top level with more headroom), so that a
   * budget picks a rung and day-to-day noise only moves the choice along it.
   */
  public static final double[] HEADROOMS = {0, 0.05, 0.1, 0.2, 0.4};

  /**
   * Where the reactive part's target lies between the plain HPA's (0) and the predictive target
   * (1), for candidates besides the ladder above (which is at 1). A band that is too wide to size
   * capacity alone on a noisy workload can still lead the HPA's reactive sizing at ramps: with the
   * reactive part nearer the HPA's target, a lower level covers what the band cannot.
   */
  public static final double[] REACTIVE_SHARES = {0.5, 0};

  /** Cost within this share of the HPA's counts as the same cost, see {@link #forecastAsGoodAs}. */
  public static final double TIE = 0.001;

  /**
   * Replicas on average that the recent-cost check allows above the HPA whatever the share: at a
   * few replicas one more for an hour is many percent, and a count's rounding alone moves it that
   * much.
   */
  public static final double ROUNDING_REPLICAS = 0.5;

  /** How much more than the cheapest candidate within budget the choice may cost for a margin. */
  public static final double COST_TOLERANCE = 0.02;

  /**
   * How often the choice is re-made: often enough that a workload whose load has just shifted level
   * is not left for long on a choice made before the shift (whose band has widened since, see the
   * recent-cost check in {@link #choose(List, List, double)}), and seldom enough that the hours
   * since the previous re-pick say more than a minute trace's noise. Six hours, the forecaster's
   * model re-pick, left a level shift on its old choice for up to six hours; one hour let the
   * recent-cost check follow noise on a one-minute web trace.
   */
  public static final Duration REPICK_INTERVAL = Duration.ofHours(2);

  private RiskChooser() {}

  /**
   * Replays the whole log for every candidate and chooses among them.
   *
   * @param budgetShare the share of minutes allowed overloaded; NaN for {@code risk: hpa} (no more
   *     risk than the plain HPA had on the same history)
   */
  public static CounterfactualChoice choose(
      CandidateLog log, LightCluster cluster, double[] levels, double budgetShare) {
    return choose(score(log, cluster, levels, 0), budgetShare);
  }

  /**
   * Every candidate's counterfactual figures on the log: the HPA first, then the ladder cheapest
   * first, the split candidates, and each level nearer the HPA's target; only buckets from {@code
   * scoreFrom} on are scored.
   */
  public static List<CandidateScore> score(
      CandidateLog log, LightCluster cluster, double[] levels, int scoreFrom) {
    float[] loads = log.loads();
    float[] means = log.means();
    float[][] byLevel = new float[levels.length][];
    for (int l = 0; l < levels.length; l++) {
      byLevel[l] = log.bands(l);
    }
    List<CandidateScore> scores = new ArrayList<>();
    scores.add(cluster.replay("hpa", Double.NaN, 0, 1, loads, means, null, scoreFrom));
    for (int l = 0; l < levels.length; l++) {
      float[] bands = byLevel[l];
      if (l > 0) {
        double between = (levels[l - 1] + levels[l]) / 2;
        float[] mid = midway(byLevel[l - 1], bands);
        scores.add(
            cluster.replay("q" + trim(between), between, 0, 1, loads, means, mid, scoreFrom));
      }
      boolean top = l == levels.length - 1;
      for (double headroom : top ? HEADROOMS : new double[] {0}) {
        String name =
            "q" + trim(levels[l]) + (headroom > 0 ? "+" + trim(100 * headroom) + "%" : "");
        scores.add(cluster.replay(name, levels[l], headroom, 1, loads, means, bands, scoreFrom));
      }
    }
    addSplits(scores, loads, means, byLevel, cluster, levels, scoreFrom);
    for (double share : REACTIVE_SHARES) {
      for (int l = 0; l < levels.length; l++) {
        String name = "q" + trim(levels[l]) + "/r" + trim(share);
        scores.add(cluster.replay(name, levels[l], 0, share, loads, means, byLevel[l], scoreFrom));
      }
    }
    return scores;
  }

  /**
   * Candidates whose band is at one tracked level where the load is at or above the median of the
   * logged loads, and at another where it is below: every ordered pair of two levels. One level for
   * every hour spends the overload budget evenly across them, but a busy hour and a quiet one need
   * not buy safety at the same price: where the HPA's fixed headroom is a small share of the load's
   * noise (a quiet, noisy hour) a higher level buys the most overload for its cost, and where it is
   * a large share (a busy, smooth one) a lower level saves the most.
   */
  private static void addSplits(
      List<CandidateScore> scores,
      float[] loads,
      float[] means,
      float[][] byLevel,
      LightCluster cluster,
      double[] levels,
      int scoreFrom) {
    double split = median(loads);
    if (Double.isNaN(split)) {
      return;
    }
    // the replay only reads the bands, so one buffer serves every pair
    float[] bands = new float[loads.length];
    for (int busy = 0; busy < levels.length; busy++) {
      float[] high = byLevel[busy];
      for (int quiet = 0; quiet < levels.length; quiet++) {
        if (busy == quiet) {
          continue;
        }
        float[] low = byLevel[quiet];
        for (int b = 0; b < bands.length; b++) {
          bands[b] = loads[b] < split ? low[b] : high[b];
        }
        String name = "q" + trim(levels[busy]) + "|q" + trim(levels[quiet]);
        scores.add(
            cluster
                .replay(name, levels[busy], 0, 1, loads, means, bands, scoreFrom)
                .split(levels[quiet], split));
      }
    }
  }

  /** The median of the loads seen (NaN left out); NaN when none was. */
  private static double median(float[] loads) {
    float[] seen = new float[loads.length];
    int n = 0;
    for (float load : loads) {
      if (!Float.isNaN(load)) {
        seen[n++] = load;
      }
    }
    if (n == 0) {
      return Double.NaN;
    }
    Arrays.sort(seen, 0, n);
    return seen[n / 2];
  }

  /**
   * The band halfway between two tracked levels' bands, bucket by bucket: what {@code PeakBand.at}
   * gives for the level halfway between them.
   */
  private static float[] midway(float[] lower, float[] upper) {
    float[] mid = new float[lower.length];
    for (int b = 0; b < mid.length; b++) {
      mid[b] = (lower[b] + upper[b]) / 2;
    }
    return mid;
  }

  /**
   * Chooses among candidates' figures, the HPA first, without recent figures to check them against.
   *
   * @param budgetShare the share of minutes allowed overloaded; NaN for {@code risk: hpa}
   */
  public static CounterfactualChoice choose(List<CandidateScore> scores, double budgetShare) {
    return choose(scores, List.of(), budgetShare);
  }

  /**
   * Chooses among candidates' pooled figures, the HPA first. For {@code risk: hpa}, which promises
   * the HPA's cost too, a candidate that cost more than {@link #COST_TOLERANCE} above the HPA in
   * {@code recent} (the hours since the previous re-pick, in the same order) is not chosen by cost:
   * pooled figures rest mostly on the past, and a band that has just widened (after a level shift,
   * say) costs what its recent hours say, not what its calm days did; and a forecast candidate must
   * stay clear of chance below the HPA's overload where one can (see {@link #clearOfChance}). Where
   * the plain HPA won, a forecast candidate only as good as the HPA (see {@link #forecastAsGoodAs})
   * runs instead, whatever the workload has saved: such a candidate costs up to {@link #TIE} more
   * on the history, and under {@code risk: hpa} the tick loop caps what it spends above the shadow
   * HPA at what the workload really saved ({@code SavingsSpent}), so the promise on cost is kept
   * where the money is spent.
   *
   * @param recent the same candidates' figures over the latest hours only; empty to skip the check
   * @param budgetShare the share of minutes allowed overloaded; NaN for {@code risk: hpa}
   */
  public static CounterfactualChoice choose(
      List<CandidateScore> scores, List<CandidateScore> recent, double budgetShare) {
    CandidateScore hpa = scores.get(0);
    if (!hpa.isHpa()) {
      throw new IllegalArgumentException("the HPA's figures must come first, got " + hpa.name());
    }
    if (!recent.isEmpty() && recent.size() != scores.size()) {
      throw new IllegalArgumentException(
          "recent figures for " + recent.size() + " candidates, pooled for " + scores.size());
    }
    boolean hpaBudget = Double.isNaN(budgetShare);
    double budget = hpaBudget ? hpa.overloadMinutes() : budgetShare * hpa.minutes();
    boolean[] costly = new boolean[scores.size()];
    List<CandidateScore> notCostly = new ArrayList<>();
    for (int i = 0; i < scores.size(); i++) {
      costly[i] = hpaBudget && !recent.isEmpty() && costlierThanHpa(recent.get(i), recent.get(0));
      if (!costly[i]) {
        notCostly.add(scores.get(i));
      }
    }
    double forecastBudget = hpaBudget ? clearOfChance(notCostly, hpa) : budget;
    boolean margined = forecastBudget < budget - 1e-9;
    List<CandidateScore> eligible = new ArrayList<>();
    int costlyLately = -1;
    for (int i = 0; i < scores.size(); i++) {
      CandidateScore s = scores.get(i);
      if (s.overloadMinutes() > (s.isHpa() ? budget : forecastBudget) + 1e-9) {
        continue;
      }
      if (costly[i]) {
        if (costlyLately < 0 || s.replicaHours() < scores.get(costlyLately).replicaHours()) {
          costlyLately = i;
        }
        continue;
      }
      eligible.add(s);
    }
    CandidateScore best = null;
    for (CandidateScore s : eligible) {
      if (best == null || s.replicaHours() < best.replicaHours() - 1e-9) {
        best = s;
      }
    }
    boolean fits = best != null;
    if (fits) {
      best = safestNear(eligible, best, hpaBudget, hpa);
    } else {
      best = safest(scores);
    }
    CandidateScore winner = best;
    if (best.isHpa()) {
      best = forecastAsGoodAs(notCostly, hpa);
    }
    // a forecast candidate as good as the plain HPA runs in its place: the rule names both
    boolean standsIn = best != winner;
    String rule =
        best.name()
            + (standsIn ? ": as good as the plain HPA, which had the " : ": ")
            + String.format(
                Locale.ROOT,
                fits
                    ? "%s within %s (%.1f <= %.1f overload min%s) over %.1f h replayed"
                    : "%s, none within %s (%.1f > %.1f overload min%s) over %.1f h replayed",
                fits ? (standsIn ? "least cost" : "cheapest") : "least risk",
                hpaBudget ? "risk: hpa" : "a " + trim(100 * budgetShare) + "% budget",
                winner.overloadMinutes(),
                winner.isHpa() ? budget : forecastBudget,
                margined && !winner.isHpa()
                    ? String.format(
                        Locale.ROOT,
                        ", clear of chance: the plain HPA's %.1f less its root",
                        budget)
                    : "",
                hpa.minutes() / 60)
            + (best.isHpa()
                ? ""
                : String.format(
                    Locale.ROOT,
                    ": %.0f overload min, %.1f replica-h where the plain HPA had %.0f, %.1f",
                    best.overloadMinutes(),
                    best.replicaHours(),
                    hpa.overloadMinutes(),
                    hpa.replicaHours()))
            + (costlyLately >= 0 && scores.get(costlyLately).replicaHours() < best.replicaHours()
                ? skipped(scores.get(costlyLately), recent.get(costlyLately), recent.get(0))
                : "");
    return new CounterfactualChoice(best, scores, rule);
  }

  /**
   * The overload minutes a forecast candidate may have under {@code risk: hpa}: the plain HPA's
   * less their square root (one standard deviation of a count that size), where a forecast
   * candidate among {@code notCostly} (those that did not cost more than the HPA lately) stayed
   * that far below it at less cost than the HPA; else the HPA's own. A candidate just under the
   * HPA's overload on the history may only have been luckier, and one of forty chosen for being
   * under it is likely to be: it then overloads as often as the HPA or more (a near-tie that saved
   * a fraction of a percent decided by chance). Where no candidate clears the margin at less cost,
   * the margin would only hand the choice back to the HPA, so the HPA's overload is the budget as
   * before.
   */
  private static double clearOfChance(List<CandidateScore> notCostly, CandidateScore hpa) {
    double clear = hpa.overloadMinutes() - Math.sqrt(hpa.overloadMinutes());
    for (CandidateScore s : notCostly) {
      if (!s.isHpa()
          && s.overloadMinutes() <= clear + 1e-9
          && s.replicaHours() < hpa.replicaHours() - 1e-9) {
        return clear;
      }
    }
    return hpa.overloadMinutes();
  }

  /** More than {@link #COST_TOLERANCE} above the HPA's cost over the same recent hours. */
  private static boolean costlierThanHpa(CandidateScore recent, CandidateScore recentHpa) {
    double excess = recent.replicaHours() - recentHpa.replicaHours();
    return excess > recentHpa.replicaHours() * COST_TOLERANCE + 1e-9
        && excess > ROUNDING_REPLICAS * recentHpa.minutes() / 60 + 1e-9;
  }

  private static String skipped(
      CandidateScore pooled, CandidateScore recent, CandidateScore recentHpa) {
    return String.format(
        Locale.ROOT,
        "; not %s, cheaper over the pool but %.1f replica-h in the last %.1f h where the plain HPA"
            + " had %.1f",
        pooled.name(),
        recent.replicaHours(),
        recentHpa.minutes() / 60,
        recentHpa.replicaHours());
  }

  /**
   * The candidate with the least risk among the eligible (within the budget) that cost at most
   * {@link #COST_TOLERANCE} more than the cheapest: the cheapest is where in-sample luck
   * concentrates, and a little more capacity buys a margin against it. For {@code risk: hpa}, which
   * promises the HPA's cost too, at most half the cheapest's savings against the HPA: the same luck
   * is in the costs, and a choice that spent all of them ran above the HPA's cost as often as
   * below.
   */
  private static CandidateScore safestNear(
      List<CandidateScore> eligible,
      CandidateScore cheapest,
      boolean hpaBudget,
      CandidateScore hpa) {
    CandidateScore best = cheapest;
    double limit = cheapest.replicaHours() * (1 + COST_TOLERANCE);
    if (hpaBudget) {
      // risk: hpa promises the HPA's cost as well: the margin against overload may spend at most
      // half of what the cheapest saved on the history, the other half is the margin on cost
      double savings = Math.max(0, hpa.replicaHours() - cheapest.replicaHours());
      limit = Math.min(limit, cheapest.replicaHours() + savings / 2);
    }
    for (CandidateScore s : eligible) {
      if (s.replicaHours() <= limit && safer(s, best)) {
        best = s;
      }
    }
    return best;
  }

  /**
   * Where the plain HPA won, a forecast candidate that did just as well on the history (and, for
   * {@code risk: hpa}, did not cost more than the HPA lately either): no more overload and risk,
   * and at most {@link #TIE} more cost. Such a candidate sizes like the HPA except ahead of a peak
   * its band sees coming (its reactive part is the HPA's, or the band never rose above the HPA's
   * capacity), so it keeps the forecast watching at no measured price. The least risky, then the
   * cheapest; the HPA itself when none is as good.
   */
  private static CandidateScore forecastAsGoodAs(List<CandidateScore> scores, CandidateScore hpa) {
    CandidateScore best = hpa;
    for (CandidateScore s : scores) {
      boolean asGood =
          !s.isHpa()
              && s.overloadMinutes() <= hpa.overloadMinutes() + 1e-9
              && s.risk() <= hpa.risk() + 1e-9
              && s.replicaHours() <= hpa.replicaHours() * (1 + TIE);
      if (asGood && (best.isHpa() || safer(s, best))) {
        best = s;
      }
    }
    return best;
  }

  /** When no candidate fits the budget: the one with the least risk, then the cheapest. */
  private static CandidateScore safest(List<CandidateScore> scores) {
    CandidateScore best = scores.get(0);
    for (CandidateScore s : scores) {
      if (safer(s, best)) {
        best = s;
      }
    }
    return best;
  }

  /** Less risk than {@code than}, or the same risk for less cost. */
  private static boolean safer(CandidateScore s, CandidateScore than) {
    return s.risk() < than.risk() - 1e-9
        || (Math.abs(s.risk() - than.risk()) <= 1e-9 && s.replicaHours() < than.replicaHours());
  }

  /** {@code v} with at most three decimals and no trailing zeros, e.g. {@code 0.995}. */
  public static String trim(double v) {
    String s = String.format(Locale.ROOT, "%.3f", v);
    return s.replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}
