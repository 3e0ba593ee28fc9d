package io.predictivescaler.bench.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TraceResampleTest {

  private final Trace minutely =
      new Trace("m", new long[] {0, 60, 120}, new double[] {0, 60, 0}, Duration.ofMinutes(1), 0);

  @Test
  void interpolatesLinearlyAtTheStep() {
    Trace resampled = minutely.resample(Duration.ofSeconds(15));

    assertThat(resampled.size()).isEqualTo(9);
    assertThat(resampled.step()).isEqualTo(Duration.ofSeconds(15));
    for (int i = 0; i < resampled.size(); i++) {
      long t = resampled.epochSeconds()[i];
      double expected = t <= 60 ? t : 120 - t;
      assertThat(resampled.values()[i]).as("value at %d s", t).isCloseTo(expected, within(1e-9));
    }
  }

  @Test
  void keepsTheSourceIntervalAndFilledCount() {
    Trace withGaps =
        new Trace("g", new long[] {0, 60, 120}, new double[] {1, 2, 3}, Duration.ofMinutes(1), 7);

    Trace resampled = withGaps.resample(Duration.ofSeconds(20));

    assertThat(resampled.sourceInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(resampled.filledPoints()).isEqualTo(7);
  }

  @Test
  void carriesTheLoadersRepairsOver() {
    TraceRepairs repairs = new TraceRepairs(1, 9, 2, 4, 3, 5);
    Trace repaired =
        new Trace(
            "r",
            new long[] {0, 60, 120},
            new double[] {1, 2, 3},
            Duration.ofMinutes(1),
            0,
            repairs);

    Trace resampled = repaired.resample(Duration.ofSeconds(20));

    assertThat(resampled.repairs()).isEqualTo(repairs);
  }

  @Test
  void coarserStepSamplesThePointsItHits() {
    Trace resampled = minutely.resample(Duration.ofSeconds(90));

    assertThat(resampled.epochSeconds()).containsExactly(0, 90);
    assertThat(resampled.values()[1]).isCloseTo(30, within(1e-9));
  }

  @Test
  void rejectsSubSecondSteps() {
    assertThatThrownBy(() -> minutely.resample(Duration.ofMillis(1500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT1.5S");
  }
}
