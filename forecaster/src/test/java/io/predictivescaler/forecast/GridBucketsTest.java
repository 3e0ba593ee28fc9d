package io.predictivescaler.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GridBucketsTest {
  private static final float GAP = Float.NaN;
  private static final Duration QUARTER = Duration.ofSeconds(15);
  private final Instant minute0 = Instant.parse("2024-01-01T00:00:00Z");

  private RegularSeries quarters(long startSecond, float... values) {
    return new RegularSeries(minute0.plusSeconds(startSecond), QUARTER, values);
  }

  @Test
  void averagesWholeMinutesAndStampsEachWithItsNewestPoint() {
    RegularSeries grid = GridBuckets.of(quarters(0, 1, 2, 3, 4, 10, 10, 20, 20), 4);

    assertThat(grid.step()).isEqualTo(Duration.ofMinutes(1));
    assertThat(grid.start()).isEqualTo(minute0.plusSeconds(45));
    assertThat(grid.values()).containsExactly(2.5f, 15f);
  }

  @Test
  void bucketsCutByTheWindowsEdgesAreLeftOut() {
    // starts at 0:30 (two points of the first minute), ends at 2:15 (two of the third)
    RegularSeries grid = GridBuckets.of(quarters(30, 100, 100, 1, 2, 3, 4, 200, 200), 4);

    assertThat(grid.start()).isEqualTo(minute0.plusSeconds(105));
    assertThat(grid.values()).containsExactly(2.5f);
  }

  @Test
  void aPointFallsInTheSameBucketWhicheverWindowItArrivesIn() {
    RegularSeries early = GridBuckets.of(quarters(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), 4);
    RegularSeries late = GridBuckets.of(quarters(60, 5, 6, 7, 8, 9, 10, 11, 12, 13), 4);

    assertThat(late.start()).isEqualTo(early.timeAt(1));
    assertThat(late.values()[0]).isEqualTo(early.values()[1]);
    assertThat(late.values()[1]).isEqualTo(early.values()[2]);
  }

  @Test
  void gapsAreLeftOutOfTheMeanAndABucketOfGapsIsAGap() {
    RegularSeries grid = GridBuckets.of(quarters(0, GAP, 2, GAP, 4, GAP, GAP, GAP, GAP), 4);

    assertThat(grid.values()[0]).isEqualTo(3f);
    assertThat(grid.values()[1]).isNaN();
  }

  @Test
  void pointsOffTheMinuteKeepTheirOwnPhase() {
    // points at :05, :20, :35, :50 of each minute: buckets run from :05 to :50
    RegularSeries grid = GridBuckets.of(quarters(20, 9, 9, 9, 1, 1, 1, 1, 7), 4);

    assertThat(grid.start()).isEqualTo(minute0.plusSeconds(110));
    assertThat(grid.values()).containsExactly(1f);
  }

  @Test
  void aRatioOfOneIsTheSeriesItself() {
    RegularSeries series = quarters(0, 1, 2, 3);

    assertThat(GridBuckets.of(series, 1)).isSameAs(series);
  }

  @Test
  void aSeriesShorterThanAWholeBucketGivesNoBucket() {
    assertThat(GridBuckets.of(quarters(15, 1, 2, 3), 4).size()).isZero();
  }

  @Test
  void rejectsARatioBelowOne() {
    assertThatThrownBy(() -> GridBuckets.of(quarters(0, 1), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ratio")
        .hasMessageContaining("0");
  }
}
