package io.predictivescaler.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HistoryArchiveTest {
  private static final float GAP = Float.NaN;
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Duration HOUR = Duration.ofHours(1);
  private final Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
  private final HistoryArchive archive = new HistoryArchive();

  private RegularSeries minutes(int startMinute, float... values) {
    return new RegularSeries(t0.plus(MINUTE.multipliedBy(startMinute)), MINUTE, values);
  }

  @Test
  void firstWindowIsKeptAsACopy() {
    float[] values = {1, 2, 3};

    RegularSeries kept = archive.merge(new RegularSeries(t0, MINUTE, values), HOUR);
    values[0] = 99;

    assertThat(kept).isEqualTo(minutes(0, 1, 2, 3));
    assertThat(archive.series()).isEqualTo(minutes(0, 1, 2, 3));
  }

  @Test
  void newerValuesWinAndTheirGapsAreFilledFromOlderOnes() {
    archive.merge(minutes(0, 1, 2, 3, 4, 5), HOUR);

    RegularSeries merged = archive.merge(minutes(2, 30, GAP, 50, 60, 70), HOUR);

    // minute 2 and 4 are overwritten; minute 3 is a gap in the new window, so the older 4 stays.
    assertThat(merged).isEqualTo(minutes(0, 1, 2, 30, 4, 50, 60, 70));
    assertThat(archive.series()).isEqualTo(merged);
  }

  @Test
  void olderValuesAreKeptWhereTheNewWindowDoesNotReach() {
    archive.merge(minutes(3, 4, 5, 6), HOUR);

    // A backfill reaching further back than what was kept: both ends survive.
    RegularSeries merged = archive.merge(minutes(0, 1, 2, 3, GAP), HOUR);

    assertThat(merged).isEqualTo(minutes(0, 1, 2, 3, 4, 5, 6));
  }

  @Test
  void aHoleBetweenWindowsStaysAGap() {
    archive.merge(minutes(0, 1, 2), HOUR);

    RegularSeries merged = archive.merge(minutes(4, 5, 6), HOUR);

    assertThat(merged).isEqualTo(minutes(0, 1, 2, GAP, GAP, 5, 6));
  }

  @Test
  void mergingKeepsOnlyTheRetentionBeforeTheNewestPoint() {
    archive.merge(minutes(0, 1, 2, 3, 4, 5), HOUR);

    // Newest point at minute 6; 3 minutes of retention keep minutes 3..6.
    RegularSeries merged = archive.merge(minutes(5, 60, 70), Duration.ofMinutes(3));

    assertThat(merged).isEqualTo(minutes(3, 4, 5, 60, 70));
  }

  @Test
  void aFirstWindowLongerThanTheRetentionIsTrimmed() {
    RegularSeries kept = archive.merge(minutes(0, 1, 2, 3, 4, 5), Duration.ofMinutes(2));

    // Newest point at minute 4; 2 minutes of retention keep minutes 2..4.
    assertThat(kept).isEqualTo(minutes(2, 3, 4, 5));
  }

  @Test
  void aChangeOfStepDiscardsWhatWasKept() {
    archive.merge(minutes(0, 1, 2, 3), HOUR);
    RegularSeries halfMinutes =
        new RegularSeries(
            t0.plus(MINUTE.multipliedBy(3)), Duration.ofSeconds(30), new float[] {7, 8});

    RegularSeries merged = archive.merge(halfMinutes, HOUR);

    assertThat(merged).isEqualTo(halfMinutes);
    assertThat(archive.series()).isEqualTo(halfMinutes);
  }

  @Test
  void aWindowOffTheKeptGridReplacesWhatWasKept() {
    archive.merge(minutes(0, 1, 2, 3), HOUR);
    RegularSeries shifted =
        new RegularSeries(t0.plusSeconds(150), MINUTE, new float[] {7, 8, GAP, 9});

    RegularSeries merged = archive.merge(shifted, HOUR);

    assertThat(merged).isEqualTo(shifted);
  }

  @Test
  void anEmptyWindowKeepsWhatWasKeptUnderTheNewRetention() {
    archive.merge(minutes(0, 1, 2, 3, 4, 5), HOUR);

    RegularSeries kept = archive.merge(minutes(10), Duration.ofMinutes(2));

    // Still ends at minute 4 (the empty window adds no time); retention 2 min keeps minutes 2..4.
    assertThat(kept).isEqualTo(minutes(2, 3, 4, 5));
  }

  @Test
  void anEmptyFirstWindowKeepsNothing() {
    assertThat(archive.merge(minutes(0), HOUR)).isNull();
    assertThat(archive.series()).isNull();
  }

  @Test
  void aRetentionThatIsNotAWholeNumberOfStepsKeepsTheGrid() {
    archive.merge(minutes(0, 1, 2, 3, 4, 5), HOUR);

    RegularSeries merged = archive.merge(minutes(5, 6), Duration.ofSeconds(150));

    // 150 s before minute 5 is 2:30; the first point kept on the grid is minute 3
    assertThat(merged).isEqualTo(minutes(3, 4, 5, 6));
    assertThat(archive.merge(minutes(6, 7), Duration.ofSeconds(150)))
        .isEqualTo(minutes(4, 5, 6, 7));
  }

  @Test
  void aWindowOffTheKeptGridThatStartsEarlierAlsoReplacesWhatWasKept() {
    Instant offGrid = t0.plusSeconds(150);
    archive.merge(new RegularSeries(offGrid, MINUTE, new float[] {10, 20, 30}), HOUR);

    RegularSeries merged = archive.merge(minutes(0, 1, GAP, GAP, 4, GAP, GAP), HOUR);

    assertThat(merged).isEqualTo(minutes(0, 1, GAP, GAP, 4, GAP, GAP));
  }
}
