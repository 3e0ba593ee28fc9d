package io.predictivescaler.core.counterfactual;

import java.util.List;

/**
 * The outcome of a re-pick: which candidate runs the workload until the next one, and how every
 * candidate did on the workload's recent history.
 *
 * @param chosen the chosen candidate's figures, one of {@code scores}
 * @param scores every candidate's counterfactual figures, the HPA first (only the HPA's and the
 *     chosen one's once {@link #kept})
 * @param rule why this candidate won, for explanations
 * @param candidates how many candidates the choice was made among
 */
public record CounterfactualChoice(
    CandidateScore chosen, List<CandidateScore> scores, String rule, int candidates) {

  public CounterfactualChoice {
    scores = List.copyOf(scores);
    if (!scores.contains(chosen)) {
      throw new IllegalArgumentException("chosen candidate " + chosen + " is not among the scores");
    }
    if (candidates < scores.size()) {
      throw new IllegalArgumentException(
          "candidates must be at least the " + scores.size() + " scores, got " + candidates);
    }
  }

  /** A choice among {@code scores}, all of them. */
  public CounterfactualChoice(CandidateScore chosen, List<CandidateScore> scores, String rule) {
    this(chosen, scores, rule, scores.size());
  }

  /** The same choice explained by {@code newRule}. */
  public CounterfactualChoice withRule(String newRule) {
    return new CounterfactualChoice(chosen, scores, newRule, candidates);
  }

  /**
   * The same choice keeping only the HPA's figures and the chosen candidate's: what a workload
   * holds until its next re-pick (the others' figures are in its pooled memory already).
   */
  public CounterfactualChoice kept() {
    CandidateScore hpa = scores.get(0);
    List<CandidateScore> both = chosen.isHpa() ? List.of(chosen) : List.of(hpa, chosen);
    return new CounterfactualChoice(chosen, both, rule, candidates);
  }

  public boolean hpaChosen() {
    return chosen.isHpa();
  }

  /**
   * The chosen quantile level, at busy loads for a split candidate; NaN when the plain HPA was
   * chosen.
   */
  public double level() {
    return chosen.level();
  }

  /** The chosen level in force at {@code load}: see {@link CandidateScore#levelAt}. */
  public double levelAt(double load) {
    return chosen.levelAt(load);
  }

  /** The share the chosen candidate adds on top of the band. */
  public double headroom() {
    return chosen.headroom();
  }

  /**
   * Where the chosen candidate's reactive target lies between the plain HPA's (0) and the
   * predictive target (1).
   */
  public double reactiveShare() {
    return chosen.reactiveShare();
  }
}
