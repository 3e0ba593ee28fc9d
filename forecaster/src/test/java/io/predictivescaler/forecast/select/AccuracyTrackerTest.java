package io.predictivescaler.forecast.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.predictivescaler.forecast.Accuracy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccuracyTrackerTest {
  private static final double NONE = Double.NaN;

  @Test
  void scoresTheForecastAndEachBaselineOnTheSamePoints() {
    AccuracyTracker tracker = new AccuracyTracker(10);

    tracker.add(100, 90, 110, 80, 130, 95);
    tracker.add(100, 104, 103, 100, 70, 105);

    Accuracy a = tracker.snapshot();
    assertThat(a.samples()).isEqualTo(2);
    assertThat(a.mae()).isCloseTo((10 + 4) / 2.0, within(1e-6));
    assertThat(a.lastValueMae()).isCloseTo((20 + 0) / 2.0, within(1e-6));
    assertThat(a.seasonalNaiveMae()).isCloseTo((30 + 30) / 2.0, within(1e-6));
    assertThat(a.movingMeanMae()).isCloseTo((5 + 5) / 2.0, within(1e-6));
    assertThat(a.underShare()).isEqualTo(0.5);
    assertThat(a.bandCoverage()).isEqualTo(1.0);
    assertThat(a.bestBaselineMae()).isCloseTo(5, within(1e-6));
  }

  @Test
  void keepsOnlyTheLastCapacityPoints() {
    AccuracyTracker tracker = new AccuracyTracker(3);

    for (int error = 1; error <= 5; error++) {
      tracker.add(100, 100 - error, 100, 100, 100, 100);
    }

    Accuracy a = tracker.snapshot();
    assertThat(tracker.size()).isEqualTo(3);
    assertThat(a.samples()).isEqualTo(3);
    assertThat(a.mae()).isCloseTo((3 + 4 + 5) / 3.0, within(1e-6));
    assertThat(a.underShare()).isEqualTo(1.0);
  }

  @Test
  void aBaselineWithoutAValueIsLeftOutOfItsOwnMeanOnly() {
    AccuracyTracker tracker = new AccuracyTracker(2);

    tracker.add(100, 100, 100, 100, NONE, 100);
    tracker.add(100, 100, 100, 100, 96, 100);
    assertThat(tracker.snapshot().seasonalNaiveMae()).isCloseTo(4, within(1e-6));

    tracker.add(100, 100, 100, 100, 94, 100); // the point without a value leaves the window
    assertThat(tracker.snapshot().seasonalNaiveMae()).isCloseTo(5, within(1e-6));

    tracker.add(100, 100, 100, 100, NONE, 100);
    tracker.add(100, 100, 100, 100, NONE, 100);
    Accuracy none = tracker.snapshot();
    assertThat(none.seasonalNaiveMae()).isNaN();
    assertThat(none.samples()).isEqualTo(2);
    assertThat(none.mae()).isZero();
  }

  @Test
  void aPointAboveTheBandIsUncoveredAndOnTheBandIsCovered() {
    AccuracyTracker tracker = new AccuracyTracker(4);

    tracker.add(111, 100, 110, 100, 100, 100);
    tracker.add(110, 100, 110, 100, 100, 100);

    assertThat(tracker.snapshot().bandCoverage()).isEqualTo(0.5);
  }

  @Test
  void isEmptyBeforeTheFirstPoint() {
    assertThat(new AccuracyTracker(5).snapshot()).isEqualTo(Accuracy.NONE);
  }

  @ParameterizedTest(name = "capacity {0}")
  @ValueSource(ints = {0, -3})
  void rejectsACapacityBelowOneNamingIt(int capacity) {
    assertThatThrownBy(() -> new AccuracyTracker(capacity))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("capacity: must be >= 1, got " + capacity);
  }
}
