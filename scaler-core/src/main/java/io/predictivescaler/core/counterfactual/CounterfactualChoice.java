package io.predictivescaler.core.counterfactual;

import java.util.List;

/**
 * The outcome of a re-pick: which candidate runs the workload until the next one, and how every
 * candidate did on the workload's recent history.
 *
 * @param level the chosen quantile level; NaN when the plain HPA was chosen
 * @param headroom the share the chosen candidate adds on top of the band
 * @param reactiveShare where the chosen candidate's reactive target lies between the plain HPA's
 *     (0) and the predictive target (1)
 * @param scores every candidate's counterfactual figures, the HPA first
 * @param rule why this candidate won, for explanations
 */
public record CounterfactualChoice(
    double level, double headroom, double reactiveShare, List<CandidateScore> scores, String rule) {

  public CounterfactualChoice {
    scores = List.copyOf(scores);
  }

  /** The same choice explained by {@code newRule}. */
  public CounterfactualChoice withRule(String newRule) {
    return new CounterfactualChoice(level, headroom, reactiveShare, scores, newRule);
  }

  public boolean hpaChosen() {
    return Double.isNaN(level);
  }

  /** The chosen candidate's figures. */
  public CandidateScore chosen() {
    for (CandidateScore s : scores) {
      if (hpaChosen()
          ? s.isHpa()
          : s.level() == level && s.headroom() == headroom && s.reactiveShare() == reactiveShare) {
        return s;
      }
    }
    throw new IllegalStateException("chosen level " + level + " has no score");
  }
}
