package io.predictivescaler.forecast.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.predictivescaler.forecast.RegularSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {
  private static final float GAP = Float.NaN;
  private static final Offset<Double> EXACT = within(1e-12);
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  /** A one-bucket-per-point view whose bucket {@code k} (0 = newest) is {@code newestFirst[k]}. */
  private static CoarseView view(Instant end, Duration step, float... newestFirst) {
    float[] values = new float[newestFirst.length];
    for (int k = 0; k < values.length; k++) {
      values[values.length - 1 - k] = newestFirst[k];
    }
    Instant start = end.minus(step.multipliedBy(values.length - 1L));
    return CoarseView.of(new RegularSeries(start, step, values), 1);
  }

  private static CoarseView minutes(float... newestFirst) {
    return view(T0, Duration.ofMinutes(1), newestFirst);
  }

  /** Extracts at {@code offset} and returns a lookup by feature name. */
  private static Features extract(FeatureExtractor fx, CoarseView v, int offset) {
    double[] out = new double[fx.size()];
    double scale = fx.extract(v, offset, out);
    return new Features(List.of(fx.names()), out, scale);
  }

  private record Features(List<String> names, double[] values, double scale) {
    double get(String name) {
      int i = names.indexOf(name);
      assertThat(i).as("feature %s", name).isNotNegative();
      return values[i];
    }
  }

  @Test
  void namesListEveryFeatureOnceWithTheAnchorsSeasonalPairs() {
    FeatureExtractor fx = new FeatureExtractor(Anchors.forHorizon(2), 8);

    assertThat(fx.names())
        .containsExactly(
            "level",
            "lag1",
            "lag2",
            "lag3",
            "lag4",
            "lag6",
            "mean4",
            "mean12",
            "mean48",
            "max12",
            "min12",
            "tod_sin",
            "tod_cos",
            "dow_sin",
            "dow_cos",
            "season_ok",
            "season_level",
            "season_delta_h001",
            "season_value_h001",
            "season_delta_h002",
            "season_value_h002");
    assertThat(fx.size()).isEqualTo(fx.names().length);
    assertThat(new FeatureExtractor(Anchors.forHorizon(12), 20).names())
        .endsWith("season_delta_h012", "season_value_h012");
  }

  @Test
  void namesIsADefensiveCopy() {
    FeatureExtractor fx = new FeatureExtractor(Anchors.forHorizon(2), 8);

    fx.names()[0] = "changed";

    assertThat(fx.names()[0]).isEqualTo("level");
  }

  @Test
  void recentShapeFeaturesAreDifferencesFromTheOriginOverTheRecentScale() {
    // Bucket k holds 60 - k: 60, 59, ..., 1.
    float[] ramp = new float[60];
    for (int k = 0; k < 60; k++) {
      ramp[k] = 60 - k;
    }
    FeatureExtractor fx = new FeatureExtractor(Anchors.forHorizon(2), 100);

    Features f = extract(fx, minutes(ramp), 0);

    double scale = (60 + 13) / 2.0; // mean of buckets 0..47 = mean of 60..13 = 36.5
    assertThat(f.scale()).isCloseTo(scale, EXACT);
    assertThat(f.get("level")).isCloseTo(60 / scale, EXACT);
    assertThat(f.get("lag1")).isCloseTo(-1 / scale, EXACT);
    assertThat(f.get("lag2")).isCloseTo(-2 / scale, EXACT);
    assertThat(f.get("lag3")).isCloseTo(-3 / scale, EXACT);
    assertThat(f.get("lag4")).isCloseTo(-4 / scale, EXACT);
    assertThat(f.get("lag6")).isCloseTo(-6 / scale, EXACT);
    assertThat(f.get("mean4")).isCloseTo((58.5 - 60) / scale, EXACT); // mean of 60..57
    assertThat(f.get("mean12")).isCloseTo((54.5 - 60) / scale, EXACT); // mean of 60..49
    assertThat(f.get("mean48")).isCloseTo((36.5 - 60) / scale, EXACT); // mean of 60..13
    assertThat(f.get("max12")).isCloseTo(0, EXACT); // the origin is the maximum
    assertThat(f.get("min12")).isCloseTo((49 - 60) / scale, EXACT);
  }

  @Test
  void anOffsetMovesTheOriginBackInTheSameView() {
    float[] ramp = new float[60];
    for (int k = 0; k < 60; k++) {
      ramp[k] = 60 - k;
    }
    FeatureExtractor fx = new FeatureExtractor(Anchors.forHorizon(2), 100);

    Features f = extract(fx, minutes(ramp), 2);

    // Origin bucket 2 holds 58; buckets 2..49 hold 58..11, mean 34.5.
    double scale = 34.5;
    assertThat(f.scale()).isCloseTo(scale, EXACT);
    assertThat(f.get("level")).isCloseTo(58 / scale, EXACT);
    assertThat(f.get("lag6")).isCloseTo((52 - 58) / scale, EXACT);
    assertThat(f.get("mean4")).isCloseTo((56.5 - 58) / scale, EXACT); // mean of 58..55
    assertThat(f.get("min12")).isCloseTo((47 - 58) / scale, EXACT);
  }

  @Test
  void featuresDoNotDependOnTheMagnitudeOfTheSeries() {
    float[] small = new float[60];
    float[] large = new float[60];
    for (int k = 0; k < 60; k++) {
      small[k] = (float) (10 + 3 * Math.sin(k / 5.0));
      large[k] = 1000 * small[k];
    }
    FeatureExtractor fx = new FeatureExtractor(Anchors.forHorizon(3), 20);
    double[] a = new double[fx.size()];
    double[] b = new double[fx.size()];

    double scaleSmall = fx.extract(minutes(small), 0, a);
    double scaleLarge = fx.extract(minutes(large), 0, b);

    assertThat(scaleLarge).isCloseTo(1000 * scaleSmall, within(1e-6 * scaleLarge));
    for (int i = 0; i < a.length; i++) {
      assertThat(b[i]).as(fx.names()[i]).isCloseTo(a[i], within(1e-5));
    }
  }

  @Test
  void anAllZeroSeriesGivesFiniteZeroFeatures() {
    FeatureExtractor fx = new FeatureExtractor(Anchors.forHorizon(2), 4);
    float[] zeros = new float[10];

    Features f = extract(fx, minutes(zeros), 0);

    assertThat(f.scale()).isPositive();
    for (String name : List.of("level", "lag1", "lag6", "mean48", "max12", "min12")) {
      assertThat(f.get(name)).as(name).isEqualTo(0);
    }
    assertThat(f.get("season_ok")).isEqualTo(1);
    assertThat(f.get("season_level")).isEqualTo(0);
    assertThat(f.get("season_value_h002")).isEqualTo(0);
  }

  @Test
  void gapsAreReadAsTheNearestOlderBucketAndLeftOutOfMeans() {
    FeatureExtractor fx = new FeatureExtractor(Anchors.forHorizon(2), 100);

    Features f = extract(fx, minutes(GAP, 10, GAP, 6, 4, 2, 2, 2, 2, 2, 2, 2), 0);

    // The origin is a gap, so the level is bucket 1 (10). Scale: the 10 non-gap buckets
    // 10 + 6 + 4 + 7 * 2 = 34, / 10 = 3.4.
    double scale = 3.4;
    assertThat(f.scale()).isCloseTo(scale, EXACT);
    assertThat(f.get("level")).isCloseTo(10 / scale, EXACT);
    assertThat(f.get("lag1")).isCloseTo(0, EXACT); // bucket 1 is the level itself
    assertThat(f.get("lag2")).isCloseTo((6 - 10) / scale, EXACT); // gap -> bucket 3
    assertThat(f.get("lag3")).isCloseTo((6 - 10) / scale, EXACT);
    assertThat(f.get("lag4")).isCloseTo((4 - 10) / scale, EXACT);
    assertThat(f.get("lag6")).isCloseTo((2 - 10) / scale, EXACT);
    assertThat(f.get("mean4")).isCloseTo((8 - 10) / scale, EXACT); // (10 + 6) / 2
    assertThat(f.get("mean12")).isCloseTo((3.4 - 10) / scale, EXACT); // 34 / 10
    assertThat(f.get("max12")).isCloseTo(0, EXACT);
    assertThat(f.get("min12")).isCloseTo((2 - 10) / scale, EXACT);
  }

  @Test
  void timeOfDayAndDayOfWeekAreUtcPhasesOfTheOrigin() {
    // 2024-01-08 is a Monday; 1970-01-01, where the weekly phase starts, was a Thursday, so
    // Monday 18:00 is 4.75 days into the week, and 6 hourly buckets earlier is Monday 12:00.
    Instant mondayEvening = Instant.parse("2024-01-08T18:00:00Z");
    CoarseView v = view(mondayEvening, Duration.ofHours(1), 5, 5, 5, 5, 5, 5, 5, 5);
    FeatureExtractor fx = new FeatureExtractor(Anchors.forHorizon(1), 100);

    Features evening = extract(fx, v, 0);
    Features noon = extract(fx, v, 6);

    assertThat(evening.get("tod_sin")).isCloseTo(-1, EXACT); // 3/4 of a day
    assertThat(evening.get("tod_cos")).isCloseTo(0, EXACT);
    assertThat(evening.get("dow_sin")).isCloseTo(Math.sin(2 * Math.PI * 4.75 / 7), EXACT);
    assertThat(evening.get("dow_cos")).isCloseTo(Math.cos(2 * Math.PI * 4.75 / 7), EXACT);
    assertThat(noon.get("tod_sin")).isCloseTo(0, EXACT); // 1/2 of a day
    assertThat(noon.get("tod_cos")).isCloseTo(-1, EXACT);
    assertThat(noon.get("dow_sin")).isCloseTo(Math.sin(2 * Math.PI * 4.5 / 7), EXACT);
    assertThat(noon.get("dow_cos")).isCloseTo(Math.cos(2 * Math.PI * 4.5 / 7), EXACT);
  }

  @Test
  void theWeeklyPhaseIsZeroAtThursdayMidnightUtcAndRepeatsEveryWeek() {
    FeatureExtractor fx = new FeatureExtractor(Anchors.forHorizon(1), 100);
    Duration step = Duration.ofMinutes(5);
    Instant thursday = Instant.parse("2024-01-04T00:00:00Z");

    Features f = extract(fx, view(thursday, step, 1, 1), 0);
    Features weekLater = extract(fx, view(thursday.plus(Duration.ofDays(7)), step, 1, 1), 0);

    assertThat(f.get("tod_sin")).isCloseTo(0, EXACT);
    assertThat(f.get("tod_cos")).isCloseTo(1, EXACT);
    assertThat(f.get("dow_sin")).isCloseTo(0, EXACT);
    assertThat(f.get("dow_cos")).isCloseTo(1, EXACT);
    assertThat(weekLater.values()).containsExactly(f.values(), EXACT);
  }

  @Test
  void seasonalFeaturesReadSmoothedBucketsOneSeasonBeforeTheOriginAndEachAnchor() {
    // Season 8 buckets, anchors at 1 and 2 steps ahead.
    FeatureExtractor fx = new FeatureExtractor(Anchors.forHorizon(2), 8);
    //                       k: 0   1   2   3   4   5   6   7  8  9
    CoarseView v = minutes(21, 21, 21, 21, 21, 11, 14, 17, 8, 5);

    Features f = extract(fx, v, 0);

    // scale = (5 * 21 + 11 + 14 + 17 + 8 + 5) / 10 = 160 / 10 = 16; origin 21.
    // A season before the origin: bucket 8, smoothed over 7, 8, 9: (17 + 8 + 5) / 3 = 10.
    // A season before step 1 (bucket 7): (14 + 17 + 8) / 3 = 13.
    // A season before step 2 (bucket 6): (11 + 14 + 17) / 3 = 14.
    double scale = 16;
    assertThat(f.scale()).isCloseTo(scale, EXACT);
    assertThat(f.get("season_ok")).isEqualTo(1);
    assertThat(f.get("season_level")).isCloseTo((10 - 21) / scale, EXACT);
    assertThat(f.get("season_delta_h001")).isCloseTo((13 - 10) / scale, EXACT);
    assertThat(f.get("season_value_h001")).isCloseTo((13 - 21) / scale, EXACT);
    assertThat(f.get("season_delta_h002")).isCloseTo((14 - 10) / scale, EXACT);
    assertThat(f.get("season_value_h002")).isCloseTo((14 - 21) / scale, EXACT);
  }

  @Test
  void seasonalFeaturesFollowTheOriginWhenItMovesBack() {
    FeatureExtractor fx = new FeatureExtractor(Anchors.forHorizon(2), 8);
    // The same buckets as above behind one newer bucket (99), read at offset 1: the newer bucket
    // is outside both the scale window (buckets 1..48) and every seasonal read.
    CoarseView v = minutes(99, 21, 21, 21, 21, 21, 11, 14, 17, 8, 5);

    Features f = extract(fx, v, 1);

    double scale = 16;
    assertThat(f.get("season_ok")).isEqualTo(1);
    assertThat(f.get("season_level")).isCloseTo((10 - 21) / scale, EXACT);
    assertThat(f.get("season_delta_h002")).isCloseTo((14 - 10) / scale, EXACT);
    assertThat(f.get("season_value_h001")).isCloseTo((13 - 21) / scale, EXACT);
  }

  @Test
  void seasonalFeaturesAreZeroWhenHistoryDoesNotReachOneSeasonBack() {
    FeatureExtractor fx = new FeatureExtractor(Anchors.forHorizon(2), 8);
    // Nine buckets: a season before the origin is bucket 8, but its smoothing needs bucket 9.
    CoarseView v = minutes(21, 21, 21, 21, 21, 11, 14, 17, 8);

    Features f = extract(fx, v, 0);

    assertThat(f.get("season_ok")).isEqualTo(0);
    for (String name :
        List.of(
            "season_level",
            "season_delta_h001",
            "season_value_h001",
            "season_delta_h002",
            "season_value_h002")) {
      assertThat(f.get(name)).as(name).isEqualTo(0);
    }
    // The recent features do not need a season: scale = (5 * 21 + 11 + 14 + 17 + 8) / 9 = 155 / 9.
    assertThat(f.get("lag6")).isCloseTo((14 - 21) / (155 / 9.0), EXACT);
  }

  @Test
  void extractWritesEveryPositionOfTheOutput() {
    FeatureExtractor fx = new FeatureExtractor(Anchors.forHorizon(3), 8);
    double[] out = new double[fx.size()];
    Arrays.fill(out, Double.NaN);

    fx.extract(minutes(5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16), 0, out);

    assertThat(out).doesNotContain(Double.NaN);
  }

  @Test
  void aSeasonNoLongerThanTheHorizonIsRejected() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new FeatureExtractor(Anchors.forHorizon(10), 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("seasonSteps must be greater than the horizon's 10 steps, got 10");
  }
}
