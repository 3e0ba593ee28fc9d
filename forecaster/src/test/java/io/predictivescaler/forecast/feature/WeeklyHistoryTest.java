package io.predictivescaler.forecast.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.predictivescaler.forecast.RegularSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongToDoubleFunction;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class WeeklyHistoryTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Duration TEN_DAYS = Duration.ofDays(10);
  private static final Offset<Double> CLOSE = within(1e-3);

  /** {@code n} points of {@code step} from {@code start}, valued {@code f(epochSecond)}. */
  private static RegularSeries series(Instant start, Duration step, int n, LongToDoubleFunction f) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) f.applyAsDouble(start.getEpochSecond() + i * step.getSeconds());
    }
    return new RegularSeries(start, step, v);
  }

  /** Minutes since T0: linear, so bucket means interpolate back to the exact value. */
  private static double minutes(long epochSecond) {
    return (epochSecond - T0.getEpochSecond()) / 60.0;
  }

  @Test
  void emptyHistoryReadsNothing() {
    assertThat(WeeklyHistory.empty().size()).isZero();
    assertThat(WeeklyHistory.empty().valueAt(T0)).isNaN();
  }

  @Test
  void keepsFifteenMinuteMeansThatInterpolateALinearLoadExactly() {
    RegularSeries day = series(T0, MINUTE, 1440, WeeklyHistoryTest::minutes);

    WeeklyHistory w = WeeklyHistory.empty().merge(day, TEN_DAYS);

    assertThat(w.bucket()).isEqualTo(Duration.ofMinutes(15));
    assertThat(w.size()).isEqualTo(96);
    assertThat(w.valueAt(T0.plusSeconds(7 * 60))).isCloseTo(7.0, CLOSE);
    assertThat(w.valueAt(T0.plus(Duration.ofHours(5)).plusSeconds(13))).isCloseTo(300.2167, CLOSE);
    // beyond the newest bucket's mean time there is no right-hand neighbour
    assertThat(w.valueAt(T0.plus(Duration.ofMinutes(1439)))).isNaN();
    assertThat(w.valueAt(T0.minusSeconds(1))).isNaN();
  }

  @Test
  void keepsTheRetentionInBoundedMemoryAsDailyWindowsArrive() {
    WeeklyHistory w = WeeklyHistory.empty();

    for (int d = 0; d < 20; d++) {
      Instant from = T0.plus(Duration.ofDays(d));
      w = w.merge(series(from, Duration.ofSeconds(15), 5760, WeeklyHistoryTest::minutes), TEN_DAYS);
    }

    Instant newest = T0.plus(Duration.ofDays(20));
    assertThat(w.size()).isEqualTo(10 * 96 + 1);
    assertThat(w.oldest()).isAfterOrEqualTo(newest.minus(TEN_DAYS).minus(Duration.ofMinutes(15)));
    Instant nineDaysAgo = newest.minus(Duration.ofDays(9));
    assertThat(w.valueAt(nineDaysAgo)).isCloseTo(minutes(nineDaysAgo.getEpochSecond()), CLOSE);
    assertThat(w.valueAt(newest.minus(Duration.ofDays(11)))).isNaN();
  }

  @Test
  void aGapInTheLoadReadsAsNaNAndLaterWindowsDoNotEraseWhatWasKept() {
    RegularSeries first = series(T0, MINUTE, 1440, WeeklyHistoryTest::minutes);
    RegularSeries withGaps =
        series(
            T0.plus(Duration.ofHours(12)),
            MINUTE,
            1440,
            t -> minutes(t) < 18 * 60 ? Double.NaN : minutes(t));
    Instant inGapOnlyInSecond = T0.plus(Duration.ofHours(14));
    Instant inGapNeverFilled = T0.plus(Duration.ofHours(30));

    WeeklyHistory w = WeeklyHistory.empty().merge(first, TEN_DAYS).merge(withGaps, TEN_DAYS);
    RegularSeries later =
        series(T0.plus(Duration.ofHours(36)), MINUTE, 600, WeeklyHistoryTest::minutes);
    WeeklyHistory afterGap =
        WeeklyHistory.empty()
            .merge(first, TEN_DAYS)
            .merge(new RegularSeries(later.start(), later.step(), later.values()), TEN_DAYS);

    assertThat(w.valueAt(inGapOnlyInSecond)).isCloseTo(14 * 60.0, CLOSE);
    assertThat(afterGap.valueAt(inGapNeverFilled)).isNaN();
    assertThat(afterGap.valueAt(T0.plus(Duration.ofHours(40)))).isCloseTo(2400.0, CLOSE);
  }

  @Test
  void aBucketTheWindowCoversOnlyInPartKeepsItsKeptMean() {
    RegularSeries first = series(T0, MINUTE, 1440, t -> 10);
    // starts 5 minutes into the 13:00 bucket, with another level
    RegularSeries second = series(T0.plus(Duration.ofMinutes(13 * 60 + 5)), MINUTE, 600, t -> 40);

    WeeklyHistory w = WeeklyHistory.empty().merge(first, TEN_DAYS).merge(second, TEN_DAYS);

    Instant partialBucketMean = T0.plus(Duration.ofMinutes(13 * 60 + 7));
    assertThat(w.valueAt(partialBucketMean)).isCloseTo(10.0, CLOSE);
    assertThat(w.valueAt(partialBucketMean.plus(Duration.ofMinutes(15)))).isCloseTo(40.0, CLOSE);
  }

  @Test
  void aStepChangeThatKeepsTheBucketKeepsTheHistory() {
    WeeklyHistory w =
        WeeklyHistory.empty()
            .merge(series(T0, Duration.ofSeconds(15), 5760, WeeklyHistoryTest::minutes), TEN_DAYS);

    WeeklyHistory after =
        w.merge(
            series(T0.plus(Duration.ofDays(1)), Duration.ofSeconds(30), 2880, t -> 5), TEN_DAYS);

    assertThat(after.bucket()).isEqualTo(Duration.ofMinutes(15));
    assertThat(after.valueAt(T0.plus(Duration.ofHours(3)))).isCloseTo(180.0, within(0.3));
    assertThat(after.valueAt(T0.plus(Duration.ofHours(30)))).isCloseTo(5.0, CLOSE);
  }

  @Test
  void aStepLongerThanTheBucketStartsAgainOnThatStep() {
    WeeklyHistory w =
        WeeklyHistory.empty().merge(series(T0, MINUTE, 1440, WeeklyHistoryTest::minutes), TEN_DAYS);
    Duration halfHour = Duration.ofMinutes(30);

    WeeklyHistory after =
        w.merge(series(T0.plus(Duration.ofDays(1)), halfHour, 48, t -> 7), TEN_DAYS);

    assertThat(after.bucket()).isEqualTo(halfHour);
    assertThat(after.size()).isEqualTo(48);
    assertThat(after.valueAt(T0.plus(Duration.ofHours(3)))).isNaN();
    assertThat(after.valueAt(T0.plus(Duration.ofHours(30)))).isCloseTo(7.0, CLOSE);
  }

  @Test
  void rejectsARetentionThatIsNotPositive() {
    RegularSeries day = series(T0, MINUTE, 10, t -> 1);

    assertThatThrownBy(() -> WeeklyHistory.empty().merge(day, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retention: must be positive, got PT0S");
  }

  @Test
  void historiesWithTheSameBucketsAreEqualAndOthersAreNot() {
    RegularSeries day = series(T0, MINUTE, 1_440, t -> minutes(t));
    RegularSeries other = series(T0, MINUTE, 1_440, t -> minutes(t) + 1);

    WeeklyHistory a = WeeklyHistory.empty().merge(day, TEN_DAYS);
    WeeklyHistory b = WeeklyHistory.empty().merge(day, TEN_DAYS);
    WeeklyHistory c = WeeklyHistory.empty().merge(other, TEN_DAYS);

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
    assertThat(a.hashCode()).isNotEqualTo(c.hashCode());
  }
}
