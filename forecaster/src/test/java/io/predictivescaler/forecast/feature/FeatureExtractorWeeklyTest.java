package io.predictivescaler.forecast.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.predictivescaler.forecast.RegularSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The weekly features: what they read, when they are off, and that rows never see the future. */
class FeatureExtractorWeeklyTest {
  private static final Instant MONDAY = Instant.parse("2024-01-01T00:00:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final int DAY = 1440;
  private static final int SEASON = DAY;
  private static final Duration RETENTION = Duration.ofDays(10);
  private static final Anchors ANCHORS = Anchors.forHorizon(10);
  private static final Offset<Double> CLOSE = within(1e-6);

  private static RegularSeries minutes(int n, IntToDoubleFunction f) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) f.applyAsDouble(i);
    }
    return new RegularSeries(MONDAY, MINUTE, v);
  }

  /** The row at {@code offset} of {@code series}, the weekly history fed from the same series. */
  private static List<Double> row(RegularSeries series, int offset) {
    WeeklyHistory weekly = WeeklyHistory.empty().merge(series, RETENTION);
    FeatureExtractor fx = new FeatureExtractor(ANCHORS, SEASON, weekly);
    double[] out = new double[fx.size()];
    fx.extract(CoarseView.of(series, 1), offset, out);
    return java.util.Arrays.stream(out).boxed().toList();
  }

  private static double feature(RegularSeries series, String name) {
    WeeklyHistory weekly = WeeklyHistory.empty().merge(series, RETENTION);
    FeatureExtractor fx = new FeatureExtractor(ANCHORS, SEASON, weekly);
    return row(series, 0).get(List.of(fx.names()).indexOf(name));
  }

  @Test
  void weeklyFeaturesComeLastAndOnlyWithAWeeklyHistory() {
    FeatureExtractor plain = new FeatureExtractor(Anchors.forHorizon(2), 8);
    FeatureExtractor weekly = new FeatureExtractor(Anchors.forHorizon(2), 8, WeeklyHistory.empty());

    assertThat(weekly.names())
        .startsWith(plain.names())
        .endsWith("week_ok", "week_delta_h001", "week_delta_h002")
        .hasSize(plain.size() + 3);
    assertThat(weekly.plainSize()).isEqualTo(plain.size());
    assertThat(weekly.withoutWeekly().names()).containsExactly(plain.names());
  }

  @Test
  void weeklyFeaturesAreZeroUntilTheHistoryReachesAWeekBeforeTheOrigin() {
    RegularSeries sixDays = minutes(6 * DAY, i -> 100 + (i % DAY));
    RegularSeries eightDays = minutes(8 * DAY - 600, i -> 100 + (i % DAY));

    assertThat(feature(sixDays, "week_ok")).isZero();
    for (int a = 0; a < ANCHORS.count(); a++) {
      assertThat(feature(sixDays, String.format("week_delta_h%03d", ANCHORS.step(a)))).isZero();
    }
    assertThat(feature(eightDays, "week_ok")).isEqualTo(1);
    assertThat(feature(eightDays, "week_delta_h010")).isNotZero();
  }

  @Test
  void weeklyFeaturesReadTheChangeFromTheOriginToEachAnchorOneWeekEarlier() {
    // Mondays climb 3 a minute, other days 1 a minute, from 1000 at midnight.
    IntToDoubleFunction load = i -> 1000 + (i / DAY % 7 == 0 ? 3 : 1) * (i % DAY);
    int origin = 7 * DAY + 720; // the next Monday, noon
    RegularSeries s = minutes(origin + 1, load);
    double scale = FeatureExtractor.scale(CoarseView.of(s, 1), 0);

    assertThat(feature(s, "week_ok")).isEqualTo(1);
    for (int a = 0; a < ANCHORS.count(); a++) {
      int step = ANCHORS.step(a);
      assertThat(feature(s, String.format("week_delta_h%03d", step)))
          .as("anchor %d", step)
          .isCloseTo(3.0 * step / scale, CLOSE);
    }
  }

  @Test
  void aTrainingRowDoesNotChangeWhenTheLoadAfterItsOriginDoes() {
    Random r = new Random(5);
    RegularSeries s =
        minutes(9 * DAY, i -> 100 + 50 * Math.sin(i * 2 * Math.PI / DAY) + r.nextGaussian());
    int offset = DAY + 17;
    int origin = s.size() - 1 - offset;
    float[] changed = s.values().clone();
    for (int i = origin + 1; i < changed.length; i++) {
      changed[i] = 1000 + 10 * (float) r.nextGaussian();
    }
    float[] changedAWeekBefore = s.values().clone();
    changedAWeekBefore[origin - 7 * DAY + 5] += 100;

    List<Double> before = row(s, offset);
    List<Double> after = row(new RegularSeries(MONDAY, MINUTE, changed), offset);
    List<Double> weekEarlier = row(new RegularSeries(MONDAY, MINUTE, changedAWeekBefore), offset);

    assertThat(before.get(before.size() - ANCHORS.count() - 1)).as("week_ok").isEqualTo(1);
    assertThat(after).isEqualTo(before);
    assertThat(weekEarlier).as("the weekly features read a week before").isNotEqualTo(before);
  }

  @Test
  void weekBeatsDayWhereTheDayAfterTheWeekendRepeatsLastWeek() {
    RegularSeries office = io.predictivescaler.forecast.Synthetic.officeWeeks(MINUTE, 12 * DAY, 8);

    assertThat(weekBeatsDayOnTheLastThreeDays(office)).isTrue();
  }

  @Test
  void dayBeatsWeekWhereTheDailyShapeGrowsFromDayToDay() {
    Random r = new Random(9);
    RegularSeries growing =
        minutes(
            12 * DAY,
            i -> 100 + (20 + 10 * (i / DAY)) * Math.sin(i * 2 * Math.PI / DAY) + r.nextGaussian());

    assertThat(weekBeatsDayOnTheLastThreeDays(growing)).isFalse();
  }

  @Test
  void neitherReferenceWinsOnADailyPatternWithoutAWeeklyOne() {
    int on = 0;
    for (int seed = 0; seed < 10; seed++) {
      Random r = new Random(seed);
      RegularSeries daily =
          minutes(12 * DAY, i -> 100 + 50 * Math.sin(i * 2 * Math.PI / DAY) + 5 * r.nextGaussian());
      on += weekBeatsDayOnTheLastThreeDays(daily) ? 1 : 0;
    }

    // last week and yesterday are equally near: a plain comparison would turn them on by chance
    assertThat(on).isLessThanOrEqualTo(1);
  }

  /** Training rows as a direct model builds them, over the last three days of {@code s}. */
  private static boolean weekBeatsDayOnTheLastThreeDays(RegularSeries s) {
    FeatureExtractor fx =
        new FeatureExtractor(ANCHORS, SEASON, WeeklyHistory.empty().merge(s, RETENTION));
    CoarseView v = CoarseView.of(s, 1);
    int rows = 3 * DAY;
    double[][] x = new double[rows][fx.size()];
    double[][] y = new double[rows][ANCHORS.count()];
    long[] origins = new long[rows];
    double[] scales = new double[rows];
    for (int r = 0; r < rows; r++) {
      int offset = ANCHORS.horizon() + r;
      double scale = fx.extract(v, offset, x[r]);
      origins[r] = v.endEpochSecond() - offset * v.stepSeconds();
      scales[r] = scale;
      for (int a = 0; a < ANCHORS.count(); a++) {
        y[r][a] = (v.ago(offset - ANCHORS.step(a)) - v.ago(offset)) / scale;
      }
    }
    return fx.weekBeatsDay(y, origins, scales, v.stepSeconds());
  }
}
