package io.predictivescaler.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.predictivescaler.forecast.feature.CoarseView;
import io.predictivescaler.forecast.select.TrustPolicy;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The online accuracy book, driven tick by tick with a model whose forecasts are known: one-minute
 * series (the model grid itself), a 10-minute horizon, so every forecast has 10 steps.
 */
class OnlineBookTest {
  private static final Duration STEP = Duration.ofMinutes(1);
  private static final int DAY = 1440;
  private static final ForecastSettings SETTINGS = ForecastSettings.defaults();
  private static final ModelGrid GRID = ModelGrid.of(SETTINGS, STEP.getSeconds());
  private static final int STEPS = GRID.steps();

  /** 10 + (minute of the day): rises by one each step, and repeats every day. */
  private static final RegularSeries DAILY_RAMP =
      Synthetic.series(STEP, DAY + 120, i -> 10 + i % DAY);

  @Test
  void aForecastIsScoredOnlyOnceItsHorizonHasMatured() {
    OnlineBook book = book(3);
    SeriesForecaster.FittedState drift = fitted(0, new double[STEPS]);
    int first = DAY + 20;

    for (int m = first; m < first + STEPS; m++) {
      book.forecast(upTo(m), drift);
      assertThat(book.accuracy().samples()).as("after the forecast at %d", m).isZero();
    }
    book.forecast(upTo(first + STEPS), drift);

    assertThat(book.accuracy().samples()).isEqualTo(1);
  }

  @Test
  void scoresEachMaturedForecastOnceNextToTheBaselinesOnTheSamePoints() {
    OnlineBook book = book(3);
    SeriesForecaster.FittedState drift = fitted(0, new double[STEPS]);
    int first = DAY + 60;
    int last = DAY + 99;

    for (int m = first; m <= last; m++) {
      book.forecast(upTo(m), drift);
      book.forecast(upTo(m), drift); // a repeated tick scores nothing twice
    }

    Accuracy accuracy = book.accuracy();
    // origins first .. last - STEPS have matured; the drift model is exact on the ramp, the last
    // value is STEPS behind, the value a day ago is the same, the last hour's mean lags by 29.5
    assertThat(accuracy.samples()).isEqualTo(last - STEPS - first + 1);
    assertThat(accuracy.mae()).isCloseTo(0, within(1e-9));
    assertThat(accuracy.lastValueMae()).isCloseTo(STEPS, within(1e-9));
    assertThat(accuracy.seasonalNaiveMae()).isCloseTo(0, within(1e-9));
    assertThat(accuracy.movingMeanMae()).isCloseTo(STEPS + 29.5, within(1e-9));
    assertThat(accuracy.underShare()).isZero();
    assertThat(accuracy.bandCoverage()).isEqualTo(1.0);
  }

  @Test
  void aModelThatRunsLowIsUnderAndOutsideItsBandWhenTheBandIsTooNarrow() {
    OnlineBook book = book(3);
    SeriesForecaster.FittedState low = fitted(-2, filled(1));
    int first = DAY + 60;

    for (int m = first; m <= first + 30; m++) {
      book.forecast(upTo(m), low);
    }

    Accuracy accuracy = book.accuracy();
    assertThat(accuracy.mae()).isCloseTo(2, within(1e-9));
    assertThat(accuracy.underShare()).isEqualTo(1.0);
    assertThat(accuracy.bandCoverage()).isZero();
  }

  @Test
  void withoutAFittedModelForecastsTheLastValueUntrusted() {
    OnlineBook book = book(3);

    Forecast forecast = book.forecast(upTo(DAY + 60), null);

    assertThat(forecast.model()).isEqualTo("none");
    assertThat(forecast.point()).containsOnly(10 + 60.0);
    assertThat(forecast.upper()).containsOnly(10 + 60.0);
    assertThat(forecast.trust().trusted()).isFalse();
    assertThat(forecast.trust().code()).isEqualTo(TrustCode.InsufficientHistory);
  }

  @Test
  void upperOffsetsUseOnlineResidualsOnlyAtStepsWithEnoughOfThem() {
    int minResiduals = 3;
    OnlineBook book = book(minResiduals);
    SeriesForecaster.FittedState low = fitted(-2, new double[STEPS]);
    int first = DAY + 60;
    double[] cold = filled(7);

    for (int m = first; m <= first + minResiduals; m++) {
      book.forecast(upTo(m), low);
    }
    double[] offsets = book.upperOffsets(GRID, cold, 0.9);

    // a residual at step j matures j steps after its origin: after minResiduals + 1 ticks only
    // step 1 has minResiduals of them (each +2: the model runs 2 low)
    assertThat(offsets[0]).isCloseTo(2, within(1e-6));
    assertThat(Arrays.copyOfRange(offsets, 1, STEPS)).containsOnly(7.0);
    assertThat(cold).containsOnly(7.0);
  }

  @Test
  void upperOffsetsIgnoreResidualsOfAnotherGrid() {
    OnlineBook book = book(1);
    SeriesForecaster.FittedState low = fitted(-2, new double[STEPS]);
    for (int m = DAY + 60; m <= DAY + 80; m++) {
      book.forecast(upTo(m), low);
    }
    ModelGrid coarser = ModelGrid.of(SETTINGS, 2 * STEP.getSeconds());

    double[] offsets = book.upperOffsets(coarser, filled(coarser.steps(), 7), 0.9);

    assertThat(offsets).containsOnly(7.0);
  }

  @Test
  void negativeResidualQuantilesGiveNoOffsetBelowThePoint() {
    OnlineBook book = book(1);
    SeriesForecaster.FittedState high = fitted(+3, new double[STEPS]);
    for (int m = DAY + 60; m <= DAY + 80; m++) {
      book.forecast(upTo(m), high);
    }

    double[] offsets = book.upperOffsets(GRID, filled(7), 0.9);

    assertThat(offsets).containsOnly(0.0);
  }

  @Test
  void theAccuracyWindowKeepsOnlyTheRecentPoints() {
    // defaults: a 3 h window at one-minute steps holds 180 matured forecasts
    OnlineBook book = book(3);
    SeriesForecaster.FittedState exact = fitted(0, new double[STEPS]);
    SeriesForecaster.FittedState low = fitted(-5, new double[STEPS]);
    int first = 100;
    int switchAt = first + 40;

    for (int m = first; m < switchAt; m++) {
      book.forecast(upTo(m), low);
    }
    for (int m = switchAt; m < switchAt + 180 + STEPS; m++) {
      book.forecast(upTo(m), exact);
    }

    // the low forecasts have all left the window: only the exact ones remain
    assertThat(book.accuracy().samples()).isEqualTo(180);
    assertThat(book.accuracy().mae()).isCloseTo(0, within(1e-9));
  }

  private static OnlineBook book(int minResiduals) {
    TrustPolicy trust =
        new TrustPolicy(SETTINGS.minHistory(), SETTINGS.minAccuracySamples(), SETTINGS.minSkill());
    return new OnlineBook(SETTINGS, trust, minResiduals, 240);
  }

  /** The ramp's points 0..m: the window a tick at minute {@code m} sees. */
  private static RegularSeries upTo(int m) {
    return Synthetic.window(DAILY_RAMP, m, m + 1);
  }

  /**
   * A model that follows the ramp from the newest value ({@code last + j} for step {@code j}) plus
   * {@code bias}, exact on the daily ramp when the bias is 0.
   */
  private static SeriesForecaster.FittedState fitted(double bias, double[] offsets) {
    FittedModel drift =
        new FittedModel() {
          @Override
          public String name() {
            return "drift";
          }

          @Override
          public void predict(CoarseView recent, double[] out) {
            for (int j = 0; j < out.length; j++) {
              out[j] = recent.filled(0) + j + 1 + bias;
            }
          }
        };
    return new SeriesForecaster.FittedState(
        drift,
        ModelKind.HOLT,
        "drift",
        Synthetic.T0,
        0,
        GRID,
        offsets,
        null,
        Double.NaN,
        Double.NaN,
        Duration.ofDays(2));
  }

  private static double[] filled(double value) {
    return filled(STEPS, value);
  }

  private static double[] filled(int n, double value) {
    double[] out = new double[n];
    Arrays.fill(out, value);
    return out;
  }
}
