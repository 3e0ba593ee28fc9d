package io.predictivescaler.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeriesForecasterTest {
  private static final Duration STEP = Duration.ofMinutes(5);
  private static final int DAY = 288;
  private final ForecastSettings settings =
      ForecastSettings.defaults().withHorizon(Duration.ofMinutes(15));

  /**
   * Feeds 24 h windows ending at each index in [from, to), refitting when due, as the service does.
   */
  static Forecast drive(SeriesForecaster f, RegularSeries s, int from, int to) {
    Forecast last = null;
    int window = (int) (Duration.ofDays(1).getSeconds() / s.stepSeconds());
    for (int i = from; i < to; i++) {
      RegularSeries w = Synthetic.window(s, i, window);
      Instant now = w.end();
      if (f.refitDue(now)) {
        f.refit(w, now);
      }
      last = f.forecast(w, now);
    }
    return last;
  }

  @Test
  void shortHistoryGivesAnUntrustedLastValueForecast() {
    RegularSeries s = Synthetic.dailySine(STEP, 6, 1, 1);
    SeriesForecaster f = new SeriesForecaster(settings);

    f.refit(s, s.end());
    Forecast fc = f.forecast(s, s.end());

    assertThat(fc.trust().code()).isEqualTo(TrustCode.InsufficientHistory);
    assertThat(fc.steps()).isEqualTo(3);
    assertThat(fc.point()).containsOnly(s.values()[5]);
    assertThat(fc.origin()).isEqualTo(s.end());
  }

  @Test
  void refitIsDueOnTheRefitInterval() {
    RegularSeries s = Synthetic.dailySine(STEP, DAY, 1, 1);
    SeriesForecaster f = new SeriesForecaster(settings);
    assertThat(f.refitDue(s.end())).isTrue();

    f.refit(s, s.end());

    assertThat(f.refitDue(s.end().plus(Duration.ofMinutes(59)))).isFalse();
    assertThat(f.refitDue(s.end().plus(Duration.ofHours(1)))).isTrue();
    assertThat(f.status().fittedAt()).isEqualTo(s.end());
  }

  @Test
  void dailySineIsTrustedAndBeatsLastValue() {
    RegularSeries s = Synthetic.dailySine(STEP, 5 * DAY, 2, 11);
    SeriesForecaster f = new SeriesForecaster(settings);

    Forecast fc = drive(f, s, 2 * DAY, 5 * DAY - 3);

    assertThat(fc.trusted()).as(fc.trust().reason()).isTrue();
    assertThat(fc.accuracy().mae()).isLessThan(0.85 * fc.accuracy().lastValueMae());
    assertThat(f.status().selection().scores()).isNotEmpty();
  }

  @Test
  void pureNoiseIsUntrusted() {
    RegularSeries s = Synthetic.noise(STEP, 4 * DAY, 10, 5);
    SeriesForecaster f = new SeriesForecaster(settings);

    Forecast fc = drive(f, s, 2 * DAY, 4 * DAY - 3);

    assertThat(fc.trust().code()).as(fc.trust().reason()).isEqualTo(TrustCode.ForecastUntrusted);
  }

  @Test
  void regimeChangeFlipsTheVerdictToUntrusted() {
    // Four days of a daily sine, then the daily pattern turns upside down.
    int change = 4 * DAY;
    java.util.Random r = new java.util.Random(3);
    RegularSeries s =
        Synthetic.series(
            STEP,
            change + 40,
            i ->
                100 + (i < change ? 50 : -50) * Math.sin(2 * Math.PI * i / DAY) + r.nextGaussian());
    SeriesForecaster f = new SeriesForecaster(settings);
    Forecast before = drive(f, s, 2 * DAY, change - 3);

    Forecast after = drive(f, s, change - 3, change + 37);

    assertThat(before.trusted()).as(before.trust().reason()).isTrue();
    assertThat(after.trust().code())
        .as(after.trust().reason())
        .isEqualTo(TrustCode.ForecastUntrusted);
  }

  @Test
  void serviceStepForecastHasOnePointPerStepAndABandAbovePoint() {
    Duration step = Duration.ofSeconds(15);
    RegularSeries s = Synthetic.dailySine(step, 5760 + 240, 2, 9);
    SeriesForecaster f = new SeriesForecaster(ForecastSettings.defaults());
    RegularSeries w = Synthetic.window(s, s.size() - 1, 5760);

    f.refit(w, w.end());
    Forecast fc = f.forecast(w, w.end());

    assertThat(fc.steps()).isEqualTo(40);
    assertThat(fc.step()).isEqualTo(step);
    assertThat(fc.model()).isNotEqualTo("none");
    for (int j = 0; j < fc.steps(); j++) {
      assertThat(fc.upper()[j]).isGreaterThanOrEqualTo(fc.point()[j]);
    }
    double actualIn10Min = 100 + 50 * Math.sin(2 * Math.PI * (s.size() - 1 + 40) / 5760.0);
    assertThat(fc.point()[39]).isBetween(actualIn10Min - 6, actualIn10Min + 6);
  }

  @Test
  void keepsThreeDaysOfA15SecondSeriesOnTheMinuteGrid() {
    Duration quarter = Duration.ofSeconds(15);
    int perDay = 5_760;
    RegularSeries s = Synthetic.dailySine(quarter, 4 * perDay, 1, 3);
    SeriesForecaster f = new SeriesForecaster(ForecastSettings.defaults());
    for (int end = perDay - 1; end < s.size(); end += perDay / 4) {
      RegularSeries window = Synthetic.window(s, end, perDay);
      f.refit(window, window.end());
    }

    RegularSeries kept = f.keptHistory();

    assertThat(kept.step()).isEqualTo(Duration.ofMinutes(1));
    assertThat(kept.size()).isBetween(3 * 1_440 - 1, 3 * 1_440 + 1);
    int newest = s.size() - 1;
    double newestMinute =
        (s.values()[newest]
                + s.values()[newest - 1]
                + s.values()[newest - 2]
                + s.values()[newest - 3])
            / 4.0;
    assertThat(kept.values()[kept.size() - 1]).isCloseTo((float) newestMinute, within(1e-3f));
  }

  @Test
  void linearForecastsTheDayAfterTheWeekendFromTheWeekBeforeOnceAWeekHasMatured() {
    RegularSeries s = Synthetic.officeWeeks(STEP, 15 * DAY, 4);
    int monday = 14 * DAY;
    ForecastSettings linear =
        ForecastSettings.defaults()
            .withModel(ModelKind.LINEAR)
            .withHorizon(Duration.ofMinutes(30))
            .withRefitInterval(Duration.ofHours(3));

    double fourDays = mondayMae(new SeriesForecaster(linear), s, 10 * DAY, monday);
    double elevenDays = mondayMae(new SeriesForecaster(linear), s, 3 * DAY, monday);

    // Three days of training rows hold few weekday mornings: less gain than a whole week would give
    assertThat(elevenDays).isLessThan(0.7 * fourDays);
  }

  /** Drives {@code f} from {@code from} to {@code monday}, then returns its MAE over that day. */
  private static double mondayMae(SeriesForecaster f, RegularSeries s, int from, int monday) {
    drive(f, s, from, monday);
    int steps = 6;
    double sum = 0;
    int n = 0;
    for (int i = monday; i < monday + DAY - steps; i++) {
      Forecast fc = drive(f, s, i, i + 1);
      sum += Math.abs(s.values()[i + steps] - fc.point()[steps - 1]);
      n++;
    }
    return sum / n;
  }
}
