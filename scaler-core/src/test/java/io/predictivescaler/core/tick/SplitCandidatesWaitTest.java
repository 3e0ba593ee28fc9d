package io.predictivescaler.core.tick;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.core.counterfactual.CandidateScore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A split candidate scores each of its two levels on about half the history, so it may run only
 * once the choice has replayed twice the day a single level needs.
 */
class SplitCandidatesWaitTest {

  private static final CandidateScore HPA =
      new CandidateScore("hpa", Double.NaN, 0, 1, 10, 0, 100, 1440);
  private static final CandidateScore LEVEL = new CandidateScore("q0.9", 0.9, 0, 1, 5, 0, 95, 1440);
  private static final CandidateScore SPLIT =
      new CandidateScore("q0.8|q0.95", 0.8, 0, 1, 4, 0, 90, 1440).split(0.95, 120);

  @Test
  void splitCandidatesRunOnlyFromTwiceTheProvingSpan() {
    List<CandidateScore> all = List.of(HPA, LEVEL, SPLIT);

    assertThat(ForecastCalibration.SPLIT_SPAN)
        .isEqualTo(ForecastCalibration.PROVING_SPAN.multipliedBy(2));
    assertThat(ForecastCalibration.runnable(all, Duration.ofHours(30))).containsExactly(HPA, LEVEL);
    assertThat(ForecastCalibration.runnable(all, ForecastCalibration.SPLIT_SPAN.minusMinutes(2)))
        .containsExactly(HPA, LEVEL);
    assertThat(ForecastCalibration.runnable(all, ForecastCalibration.SPLIT_SPAN))
        .containsExactly(HPA, LEVEL, SPLIT);
  }

  @Test
  void aSplitCandidateRunsItsQuietLevelBelowItsSplitLoadAndKeepsItThroughNewFigures() {
    CandidateScore pooled = SPLIT.withFigures(8, 1, 180, 2880);

    assertThat(SPLIT.isSplit()).isTrue();
    assertThat(LEVEL.isSplit()).isFalse();
    assertThat(SPLIT.levelAt(119.9)).isEqualTo(0.95);
    assertThat(SPLIT.levelAt(120)).isEqualTo(0.8);
    assertThat(LEVEL.levelAt(1)).isEqualTo(0.9);
    assertThat(pooled.quietLevel()).isEqualTo(0.95);
    assertThat(pooled.splitLoad()).isEqualTo(120);
    assertThat(pooled.overloadMinutes()).isEqualTo(8);
  }
}
