package io.predictivescaler.core.counterfactual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateMemoryTest {

  private final CandidateMemory memory = new CandidateMemory();

  private static CandidateScore score(String name, double overload, double replicaHours) {
    return new CandidateScore(
        name, name.equals("hpa") ? Double.NaN : 0.9, 0, 1, overload, 2, replicaHours, 360);
  }

  @Test
  void theFirstFiguresAreTakenAsTheyAre() {
    List<CandidateScore> pooled = memory.add(List.of(score("hpa", 3, 10), score("q0.9", 1, 9)), 0);

    assertThat(pooled).containsExactly(score("hpa", 3, 10), score("q0.9", 1, 9));
  }

  @Test
  void eachWorkloadKeepsItsOwnSumsAndACandidateLeftOutKeepsItsUntilItComesBack() {
    CandidateMemory other = new CandidateMemory();
    memory.add(List.of(score("hpa", 4, 10), score("q0.9|q0.99", 1, 8)), 0);
    other.add(List.of(score("hpa", 40, 100)), 0);

    List<CandidateScore> mine = memory.add(List.of(score("hpa", 1, 1)), 0);
    List<CandidateScore> back = memory.add(List.of(score("q0.9|q0.99", 1, 8)), 0);
    List<CandidateScore> theirs = other.add(List.of(score("q0.9|q0.99", 2, 7)), 0);

    assertThat(mine.get(0).overloadMinutes()).isEqualTo(5);
    assertThat(back.get(0).overloadMinutes()).isEqualTo(2);
    assertThat(back.get(0).replicaHours()).isEqualTo(16);
    assertThat(theirs).containsExactly(score("q0.9|q0.99", 2, 7));
  }

  @Test
  void laterFiguresAddToThePastFadedByTheHoursBetween() {
    memory.add(List.of(score("hpa", 4, 10)), 0);

    List<CandidateScore> pooled =
        memory.add(List.of(score("hpa", 1, 5)), CandidateMemory.MEMORY_HOURS);

    double keep = Math.exp(-1);
    CandidateScore hpa = pooled.get(0);
    assertThat(hpa.overloadMinutes()).isCloseTo(4 * keep + 1, within(1e-9));
    assertThat(hpa.nearMissMinutes()).isCloseTo(2 * keep + 2, within(1e-9));
    assertThat(hpa.replicaHours()).isCloseTo(10 * keep + 5, within(1e-9));
    assertThat(hpa.minutes()).isCloseTo(360 * keep + 360, within(1e-9));
  }

  @Test
  void oneBadDayNoLongerDecidesAloneWhatSeveralGoodDaysShowed() {
    // q0.9 beats the HPA on four days in a row, then has one unlucky day
    for (int day = 0; day < 4; day++) {
      memory.add(List.of(score("hpa", 2, 10), score("q0.9", 0, 9)), day == 0 ? 0 : 24);
    }
    List<CandidateScore> pooled = memory.add(List.of(score("hpa", 2, 10), score("q0.9", 3, 9)), 24);

    CounterfactualChoice choice = RiskChooser.choose(pooled, Double.NaN);

    assertThat(choice.chosen().name()).isEqualTo("q0.9");
    assertThat(
            RiskChooser.choose(List.of(score("hpa", 2, 10), score("q0.9", 3, 9)), Double.NaN)
                .hpaChosen())
        .isTrue();
  }

  @Test
  void clearForgetsThePast() {
    memory.add(List.of(score("hpa", 4, 10)), 0);
    memory.clear();

    assertThat(memory.add(List.of(score("hpa", 1, 5)), 6)).containsExactly(score("hpa", 1, 5));
  }

  @Test
  void rejectsNegativeOrUnknownElapsedTime() {
    assertThatThrownBy(() -> memory.add(List.of(score("hpa", 1, 1)), -1))
        .hasMessage("hoursSinceLast must be finite and >= 0, got -1.0");
    assertThatThrownBy(() -> memory.add(List.of(score("hpa", 1, 1)), Double.NaN))
        .hasMessage("hoursSinceLast must be finite and >= 0, got NaN");
  }
}
