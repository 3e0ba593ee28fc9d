package io.predictivescaler.forecast.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.predictivescaler.forecast.ModelContext;
import io.predictivescaler.forecast.RegularSeries;
import io.predictivescaler.forecast.feature.CoarseView;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BaselineForecastersTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  // A "season" of 4 steps, horizon 2.
  private final ModelContext ctx = new ModelContext(60, 2, 4);
  private final CoarseView view =
      CoarseView.of(
          new RegularSeries(T0, Duration.ofMinutes(1), new float[] {1, 2, 3, 4, 5, 6, Float.NaN}),
          1);

  @Test
  void lastValueHoldsTheNewestValueSkippingGaps() {
    double[] out = new double[2];

    new LastValueForecaster().fit(view, ctx).predict(view, out);

    assertThat(out).containsExactly(6, 6);
  }

  @Test
  void seasonalNaiveTakesTheValueOneSeasonBeforeTheTarget() {
    double[] out = new double[2];
    CoarseView full =
        CoarseView.of(
            new RegularSeries(T0, Duration.ofMinutes(1), new float[] {1, 2, 3, 4, 5, 6}), 1);

    new SeasonalNaiveForecaster().fit(full, ctx).predict(full, out);

    // Targets are steps 7 and 8; one season (4) earlier are steps 3 and 4: values 3 and 4.
    assertThat(out).containsExactly(3, 4);
  }

  @Test
  void seasonalNaiveFallsBackToLastValueWhenHistoryIsShort() {
    double[] out = new double[2];
    CoarseView shortView =
        CoarseView.of(new RegularSeries(T0, Duration.ofMinutes(1), new float[] {7, 8}), 1);

    new SeasonalNaiveForecaster().fit(shortView, ctx).predict(shortView, out);

    assertThat(out).containsExactly(8, 8);
  }

  @Test
  void holtExtrapolatesAnExactLinearTrend() {
    float[] v = new float[200];
    for (int i = 0; i < v.length; i++) {
      v[i] = 10 + 0.5f * i;
    }
    CoarseView trend = CoarseView.of(new RegularSeries(T0, Duration.ofMinutes(1), v), 1);
    double[] out = new double[2];

    new HoltForecaster().fit(trend, ctx).predict(trend, out);

    assertThat(out[0]).isCloseTo(10 + 0.5 * 200, within(0.05));
    assertThat(out[1]).isCloseTo(10 + 0.5 * 201, within(0.05));
  }
}
