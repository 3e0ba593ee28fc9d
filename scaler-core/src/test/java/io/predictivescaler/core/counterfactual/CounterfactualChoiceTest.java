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
  void findsTheChosenScoreByLevelAndHeadroom() {
    CounterfactualChoice choice =
        new CounterfactualChoice(0.9, 0.05, 1, List.of(HPA, Q90, Q90_PADDED), "rule");

    assertThat(choice.hpaChosen()).isFalse();
    assertThat(choice.chosen()).isSameAs(Q90_PADDED);
  }

  @Test
  void findsTheHpaWhenNoLevelWasChosen() {
    CounterfactualChoice choice =
        new CounterfactualChoice(Double.NaN, 0, 1, List.of(HPA, Q90), "rule");

    assertThat(choice.hpaChosen()).isTrue();
    assertThat(choice.chosen()).isSameAs(HPA);
  }

  @Test
  void aChoiceWithoutItsScoreIsAnError() {
    CounterfactualChoice choice = new CounterfactualChoice(0.95, 0, 1, List.of(HPA, Q90), "rule");

    assertThatThrownBy(choice::chosen)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("0.95");
  }

  @Test
  void keepsItsOwnCopyOfTheScores() {
    List<CandidateScore> scores = new ArrayList<>(List.of(HPA, Q90));
    CounterfactualChoice choice = new CounterfactualChoice(0.9, 0, 1, scores, "rule");

    scores.clear();

    assertThat(choice.scores()).containsExactly(HPA, Q90);
    assertThatThrownBy(() -> choice.scores().add(Q90_PADDED))
        .isInstanceOf(UnsupportedOperationException.class);
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
