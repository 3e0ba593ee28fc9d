package io.predictivescaler.core.counterfactual;

import java.util.List;

/**
 * The outcome of a re-pick: which candidate runs the workload until the next one, and how every
 * candidate did on the workload's recent history.
 *
 * @param chosen the chosen candidate's figures, one of {@code scores}
 * @param scores every candidate's counterfactual figures, the HPA first
 * @param rule why this candidate won, for explanations
 */
public record CounterfactualChoice(
    CandidateScore chosen, List<CandidateScore> scores, String rule) {

  public CounterfactualChoice {
    scores = List.copyOf(scores);
    if (!scores.contains(chosen)) {
      throw new IllegalArgumentException("chosen candidate " + chosen + " is not among the scores");
    }
  }

  /** The same choice explained by {@code newRule}. */
  public CounterfactualChoice withRule(String newRule) {
    return new CounterfactualChoice(chosen, scores, newRule);
  }

  public boolean hpaChosen() {
    return chosen.isHpa();
  }

  /** The chosen quantile level; NaN when the plain HPA was chosen. */
  public double level() {
    return chosen.level();
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
