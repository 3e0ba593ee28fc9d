package io.predictivescaler.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SharedFitsTest {
  private static final Duration STEP = Duration.ofMinutes(5);
  private static final int DAY = 288;
  private final ForecastSettings settings =
      ForecastSettings.defaults().withHorizon(Duration.ofMinutes(15));
  private final RegularSeries load = Synthetic.dailySine(STEP, 3 * DAY, 4, 11);

  @Test
  void aForecasterTakingAnothersFitsForecastsAsIfItHadFittedItself() {
    SharedFits shared = SharedFits.create();
    Forecast first =
        SeriesForecasterTest.drive(new SeriesForecaster(settings, shared), load, DAY, 3 * DAY);
    int fitsAfterFirst = shared.size();

    Forecast second =
        SeriesForecasterTest.drive(new SeriesForecaster(settings, shared), load, DAY, 3 * DAY);
    Forecast alone = SeriesForecasterTest.drive(new SeriesForecaster(settings), load, DAY, 3 * DAY);

    assertThat(fitsAfterFirst).isPositive();
    assertThat(shared.size()).isEqualTo(fitsAfterFirst);
    assertThat(second.point()).containsExactly(alone.point());
    assertThat(second.upper()).containsExactly(alone.upper());
    assertThat(second.model()).isEqualTo(alone.model());
    assertThat(first.point()).containsExactly(alone.point());
  }

  @Test
  void aForecasterSeeingOtherLoadFitsOnItsOwn() {
    SharedFits shared = SharedFits.create();
    SeriesForecasterTest.drive(new SeriesForecaster(settings, shared), load, DAY, 3 * DAY);
    int fitsOfTheFirst = shared.size();
    RegularSeries doubled = Synthetic.series(STEP, load.size(), i -> 2 * load.values()[i]);

    Forecast other =
        SeriesForecasterTest.drive(new SeriesForecaster(settings, shared), doubled, DAY, 3 * DAY);
    Forecast alone =
        SeriesForecasterTest.drive(new SeriesForecaster(settings), doubled, DAY, 3 * DAY);

    assertThat(shared.size()).isGreaterThanOrEqualTo(2 * fitsOfTheFirst);
    assertThat(other.point()).containsExactly(alone.point());
  }

  @Test
  void withoutSharingNothingIsKept() {
    SeriesForecasterTest.drive(new SeriesForecaster(settings, SharedFits.NONE), load, DAY, 2 * DAY);

    assertThat(SharedFits.NONE.size()).isZero();
  }
}
