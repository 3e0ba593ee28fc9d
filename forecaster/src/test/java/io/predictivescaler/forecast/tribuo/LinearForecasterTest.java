package io.predictivescaler.forecast.tribuo;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.forecast.FittedModel;
import io.predictivescaler.forecast.ForecasterFactory;
import io.predictivescaler.forecast.ModelContext;
import io.predictivescaler.forecast.ModelKind;
import io.predictivescaler.forecast.RegularSeries;
import io.predictivescaler.forecast.Synthetic;
import io.predictivescaler.forecast.feature.CoarseView;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LinearForecasterTest {
  private static final int DAY = 288;
  private final ModelContext ctx = new ModelContext(300, 3, DAY);

  /** MAE of the 3-step forecast over the last day, the model fitted on the days before. */
  static double holdoutMae(ModelKind kind, RegularSeries s) {
    CoarseView all = CoarseView.of(s, 1);
    FittedModel m =
        ForecasterFactory.create(kind)
            .fit(CoarseView.materialize(s, 1).shift(DAY), new ModelContext(300, 3, DAY));
    double[] out = new double[3];
    double sum = 0;
    int n = 0;
    for (int offset = DAY; offset >= 3; offset--) {
      m.predict(all.shift(offset), out);
      sum += Math.abs(all.ago(offset - 3) - out[2]);
      n++;
    }
    return sum / n;
  }

  @Test
  void dailySineIsForecastNearTheNoiseFloor() {
    // sigma = 2: the best possible MAE is 2 sqrt(2 / pi) = 1.60.
    RegularSeries s = Synthetic.dailySine(Duration.ofMinutes(5), 4 * DAY, 2, 21);

    double mae = holdoutMae(ModelKind.LINEAR, s);

    assertThat(mae).isLessThan(1.6 * 1.25);
  }

  @Test
  void seasonalFeaturesBeatTheLastValueOnASine() {
    RegularSeries s = Synthetic.dailySine(Duration.ofMinutes(5), 4 * DAY, 2, 22);

    assertThat(holdoutMae(ModelKind.LINEAR, s))
        .isLessThan(0.85 * holdoutMae(ModelKind.LAST_VALUE, s));
  }

  @Test
  void linearTrendIsExtrapolated() {
    RegularSeries s = Synthetic.series(Duration.ofMinutes(5), 3 * DAY, i -> 50 + 0.1 * i);

    // The optimum is 0; allow 1 % of the level.
    assertThat(holdoutMae(ModelKind.LINEAR, s)).isLessThan(1.5);
  }

  @Test
  void stepChangeIsFollowedWithinTheHorizon() {
    RegularSeries s =
        Synthetic.series(Duration.ofMinutes(5), 4 * DAY, i -> i < 3 * DAY + 100 ? 100 : 200);

    // Only the 3 origins whose target lies past the step, before it is seen, can miss (by 100).
    assertThat(holdoutMae(ModelKind.LINEAR, s)).isLessThan(300.0 / DAY * 1.5 + 1);
  }

  @Test
  void featureNamesAreUniqueAndStable() {
    var fx =
        new io.predictivescaler.forecast.feature.FeatureExtractor(
            io.predictivescaler.forecast.feature.Anchors.forHorizon(10), DAY);

    assertThat(fx.names()).doesNotHaveDuplicates().hasSize(fx.size());
    assertThat(fx.names()).contains("season_delta_h010", "tod_sin", "level");
    assertThat(ctx.horizonSteps()).isEqualTo(3);
  }
}
