package io.predictivescaler.core.counterfactual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CounterfactualChoiceTest {
  private static final CandidateScore HPA =
      new CandidateScore("hpa", Double.NaN, 0, 1, 3, 4, 10, 600);
  private static final CandidateScore Q90 = new CandidateScore("q0.9", 0.9, 0, 1, 1, 2, 8, 600);
  private static final CandidateScore Q90_PADDED =
      new CandidateScore("q0.9+5%", 0.9, 0.05, 1, 0, 0, 8.4, 600);

  @Test
  void readsTheChosenCandidatesLevelHeadroomAndReactiveShare() {
    CounterfactualChoice choice =
        new CounterfactualChoice(Q90_PADDED, List.of(HPA, Q90, Q90_PADDED), "rule");

    assertThat(choice.hpaChosen()).isFalse();
    assertThat(choice.level()).isEqualTo(0.9);
    assertThat(choice.headroom()).isEqualTo(0.05);
    assertThat(choice.reactiveShare()).isEqualTo(1);
  }

  @Test
  void theHpaChosenHasNoLevel() {
    CounterfactualChoice choice = new CounterfactualChoice(HPA, List.of(HPA, Q90), "rule");

    assertThat(choice.hpaChosen()).isTrue();
    assertThat(choice.level()).isNaN();
  }

  @Test
  void whatAWorkloadKeepsIsTheHpasAndTheChosenFiguresAndHowManyCandidatesThereWere() {
    CounterfactualChoice choice =
        new CounterfactualChoice(Q90_PADDED, List.of(HPA, Q90, Q90_PADDED), "rule").withRule("why");
    CounterfactualChoice hpaChosen = new CounterfactualChoice(HPA, List.of(HPA, Q90), "rule");

    assertThat(choice.candidates()).isEqualTo(3);
    assertThat(choice.kept().scores()).containsExactly(HPA, Q90_PADDED);
    assertThat(choice.kept().candidates()).isEqualTo(3);
    assertThat(choice.kept().chosen()).isEqualTo(Q90_PADDED);
    assertThat(choice.kept().rule()).isEqualTo("why");
    assertThat(hpaChosen.kept().scores()).containsExactly(HPA);
    assertThat(hpaChosen.kept().candidates()).isEqualTo(2);
    assertThatThrownBy(() -> new CounterfactualChoice(HPA, List.of(HPA, Q90), "rule", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("candidates");
  }

  @Test
  void aChoiceOutsideItsScoresIsAnError() {
    assertThatThrownBy(() -> new CounterfactualChoice(Q90_PADDED, List.of(HPA, Q90), "rule"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("q0.9+5%");
  }

  @Test
  void keepsItsOwnCopyOfTheScoresAndItsChoiceWhenReexplained() {
    List<CandidateScore> scores = new ArrayList<>(List.of(HPA, Q90));
    CounterfactualChoice choice = new CounterfactualChoice(Q90, scores, "rule");

    scores.clear();
    CounterfactualChoice explained = choice.withRule("another rule");

    assertThat(choice.scores()).containsExactly(HPA, Q90);
    assertThatThrownBy(() -> choice.scores().add(Q90_PADDED))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(explained.chosen()).isSameAs(Q90);
    assertThat(explained.rule()).isEqualTo("another rule");
  }

  @Test
  void riskIsOverloadPlusWeightedNearMissMinutes() {
    assertThat(HPA.risk())
        .isCloseTo(
            HPA.overloadMinutes() + CandidateScore.NEAR_MISS_WEIGHT * HPA.nearMissMinutes(),
            org.assertj.core.api.Assertions.within(1e-9));
    assertThat(HPA.isHpa()).isTrue();
    assertThat(Q90.isHpa()).isFalse();
    assertThat(Q90.toString()).isEqualTo("q0.9: 1 overload min, 2 near-miss min, 8.0 replica-h");
  }
}
