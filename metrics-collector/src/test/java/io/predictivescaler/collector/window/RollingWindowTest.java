package io.predictivescaler.collector.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RollingWindowTest {

  private static final Duration STEP = Duration.ofSeconds(15);
  private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");

  private static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  @Test
  void alignsSamplesToStepBoundaries() {
    RollingWindow w = new RollingWindow(STEP, Duration.ofMinutes(5));

    w.append(at(7), 1.0, at(7));
    w.append(at(29), 2.0, at(29));

    WindowSnapshot s = w.snapshot();
    assertThat(s.start()).isEqualTo(T0);
    assertThat(s.values()).containsExactly(1f, 2f);
    assertThat(w.newestSlotTime()).contains(at(15));
  }

  @Test
  void laterSampleInSameSlotReplacesEarlierOne() {
    RollingWindow w = new RollingWindow(STEP, Duration.ofMinutes(5));

    w.append(at(1), 1.0, at(1));
    AppendOutcome outcome = w.append(at(14), 3.0, at(14));

    assertThat(outcome).isEqualTo(AppendOutcome.ACCEPTED);
    assertThat(w.size()).isEqualTo(1);
    assertThat(w.latest()).isEqualTo(3.0);
  }

  @Test
  void fillsSkippedSlotsWithNaN() {
    RollingWindow w = new RollingWindow(STEP, Duration.ofMinutes(5));

    w.append(at(0), 1.0, at(0));
    w.append(at(60), 5.0, at(60));

    assertThat(w.snapshot().values()).containsExactly(1f, Float.NaN, Float.NaN, Float.NaN, 5f);
    assertThat(w.snapshot().gapCount()).isEqualTo(3);
  }

  @Test
  void wrapsAroundKeepingOnlyRetention() {
    RollingWindow w = new RollingWindow(STEP, Duration.ofMinutes(1));

    for (int i = 0; i < 10; i++) {
      w.append(at(15L * i), i, at(15L * i));
    }

    WindowSnapshot s = w.snapshot();
    assertThat(w.capacity()).isEqualTo(4);
    assertThat(s.values()).containsExactly(6f, 7f, 8f, 9f);
    assertThat(s.start()).isEqualTo(at(90));
    assertThat(s.end()).isEqualTo(at(150));
  }

  @Test
  void jumpLongerThanRetentionLeavesOnlyGapsAndTheNewSample() {
    RollingWindow w = new RollingWindow(STEP, Duration.ofMinutes(1));
    w.append(at(0), 1.0, at(0));

    w.append(at(3600), 2.0, at(3600));

    assertThat(w.snapshot().values()).containsExactly(Float.NaN, Float.NaN, Float.NaN, 2f);
    assertThat(w.snapshot().start()).isEqualTo(at(3600 - 45));
  }

  @Test
  void roundsRetentionUpToWholeSteps() {
    RollingWindow w = new RollingWindow(STEP, Duration.ofSeconds(50));

    assertThat(w.capacity()).isEqualTo(4);
    assertThat(w.retention()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void defaultRetentionIs26HoursOf15sSlots() {
    RollingWindow w = RollingWindow.withDefaultRetention(STEP);

    assertThat(w.retention()).isEqualTo(Duration.ofHours(26));
    assertThat(w.capacity()).isEqualTo(26 * 240);
  }

  @ParameterizedTest
  @CsvSource({
    "NaN, 0, REJECTED_NAN",
    "Infinity, 0, REJECTED_INFINITE",
    "-Infinity, 0, REJECTED_INFINITE",
    "1e39, 0, REJECTED_INFINITE",
    "-0.5, 0, REJECTED_NEGATIVE",
    "1.0, 16, REJECTED_FUTURE",
    "1.0, -16, REJECTED_OUT_OF_ORDER",
  })
  void rejectsBadSamplesWithTheirReason(double value, long offsetSeconds, AppendOutcome expected) {
    RollingWindow w = new RollingWindow(STEP, Duration.ofMinutes(5));
    w.append(at(30), 1.0, at(30));

    AppendOutcome outcome = w.append(at(30 + offsetSeconds), value, at(30));

    assertThat(outcome).isEqualTo(expected);
    assertThat(outcome.accepted()).isFalse();
    assertThat(w.snapshot().values()).containsExactly(1f);
  }

  @Test
  void acceptsSampleExactlyOneStepAhead() {
    RollingWindow w = new RollingWindow(STEP, Duration.ofMinutes(5));

    AppendOutcome outcome = w.append(at(15), 2.0, at(0));

    assertThat(outcome).isEqualTo(AppendOutcome.ACCEPTED);
  }

  @Test
  void markGapAdvancesWithNaNButKeepsAnExistingValue() {
    RollingWindow w = new RollingWindow(STEP, Duration.ofMinutes(5));
    w.append(at(0), 1.0, at(0));

    w.markGap(at(0), at(0));
    w.markGap(at(30), at(30));

    assertThat(w.snapshot().values()).containsExactly(1f, Float.NaN, Float.NaN);
    assertThat(w.markGap(at(0), at(30))).isEqualTo(AppendOutcome.REJECTED_OUT_OF_ORDER);
  }

  @Test
  void backfillFillsGapsButNeverOverwritesValues() {
    RollingWindow w = new RollingWindow(STEP, Duration.ofMinutes(5));
    w.append(at(0), 1.0, at(0));
    w.append(at(45), 4.0, at(45));

    AppendOutcome filled = w.backfill(at(15), 2.0, at(45));
    AppendOutcome kept = w.backfill(at(0), 9.0, at(45));

    assertThat(filled).isEqualTo(AppendOutcome.ACCEPTED);
    assertThat(kept).isEqualTo(AppendOutcome.REJECTED_SLOT_FILLED);
    assertThat(w.snapshot().values()).containsExactly(1f, 2f, Float.NaN, 4f);
  }

  @Test
  void backfillExtendsHistoryBackwardsUpToCapacity() {
    RollingWindow w = new RollingWindow(STEP, Duration.ofMinutes(1));
    w.append(at(60), 5.0, at(60));

    AppendOutcome within = w.backfill(at(15), 2.0, at(60));
    AppendOutcome tooOld = w.backfill(at(0), 1.0, at(60));

    assertThat(within).isEqualTo(AppendOutcome.ACCEPTED);
    assertThat(tooOld).isEqualTo(AppendOutcome.REJECTED_TOO_OLD);
    assertThat(w.snapshot().values()).containsExactly(2f, Float.NaN, Float.NaN, 5f);
    assertThat(w.snapshot().start()).isEqualTo(at(15));
  }

  @Test
  void restampBeforeMovesTheSamplesBehindTheSteppedBackClockInOrder() {
    RollingWindow w = new RollingWindow(STEP, Duration.ofMinutes(5));
    w.append(at(0), 1.0, at(0));
    w.append(at(15), 2.0, at(15));
    w.append(at(30), 3.0, at(30));

    Duration moved = w.restampBefore(at(-600));
    AppendOutcome next = w.append(at(-600), 4.0, at(-600));

    assertThat(moved).isEqualTo(Duration.ofSeconds(645));
    assertThat(next).isEqualTo(AppendOutcome.ACCEPTED);
    WindowSnapshot s = w.snapshot();
    assertThat(s.start()).isEqualTo(at(-645));
    assertThat(s.values()).containsExactly(1f, 2f, 3f, 4f);
  }

  @Test
  void restampBeforeLeavesAWindowAlreadyBeforeTheSlotAlone() {
    RollingWindow w = new RollingWindow(STEP, Duration.ofMinutes(5));
    w.append(at(0), 1.0, at(0));

    Duration moved = w.restampBefore(at(15));

    assertThat(moved).isZero();
    assertThat(w.newestSlotTime()).contains(T0);
  }

  @Test
  void recentSnapshotCopiesOnlyTheRequestedTail() {
    RollingWindow w = new RollingWindow(STEP, Duration.ofMinutes(5));
    for (int i = 0; i < 8; i++) {
      w.append(at(15L * i), i, at(15L * i));
    }

    WindowSnapshot tail = w.snapshot(at(80));
    WindowSnapshot beforeStart = w.snapshot(at(-600));

    assertThat(tail.start()).isEqualTo(at(75));
    assertThat(tail.values()).containsExactly(5f, 6f, 7f);
    assertThat(beforeStart).isEqualTo(w.snapshot());
  }

  @Test
  void emptyWindowAnswersWithoutData() {
    RollingWindow w = new RollingWindow(STEP, Duration.ofMinutes(5));

    assertThat(w.snapshot().isEmpty()).isTrue();
    assertThat(w.latest()).isNaN();
    assertThat(w.newestSlotTime()).isEmpty();
    assertThat(w.valueAt(T0)).isNaN();
  }

  @Test
  void storesFloatPrecision() {
    RollingWindow w = new RollingWindow(STEP, Duration.ofMinutes(5));

    w.append(at(0), 123.456789, at(0));

    assertThat(w.valueAt(at(3))).isCloseTo(123.456789, within(1e-4));
  }

  @Test
  void handlesTimesBeforeTheEpoch() {
    RollingWindow w = new RollingWindow(STEP, Duration.ofMinutes(5));
    Instant t = Instant.parse("1969-12-31T23:59:50Z");

    w.append(t, 1.0, t);
    w.append(t.plusSeconds(10), 2.0, t.plusSeconds(10));

    assertThat(w.snapshot().start()).isEqualTo(Instant.parse("1969-12-31T23:59:45Z"));
    assertThat(w.snapshot().values()).containsExactly(1f, 2f);
  }

  @Test
  void refusesStepsAndRetentionsThatCannotWork() {
    assertThatThrownBy(() -> new RollingWindow(Duration.ZERO, Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("step");
    assertThatThrownBy(() -> new RollingWindow(STEP, Duration.ofSeconds(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retention");
  }
}
