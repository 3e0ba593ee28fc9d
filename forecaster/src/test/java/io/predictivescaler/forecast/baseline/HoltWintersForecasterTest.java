package io.predictivescaler.forecast.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.predictivescaler.forecast.ModelContext;
import io.predictivescaler.forecast.Synthetic;
import io.predictivescaler.forecast.feature.CoarseView;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The recursion is checked against the additive Holt-Winters component form of Hyndman &amp;
 * Athanasopoulos, Forecasting: Principles and Practice, 2nd ed., section 7.3
 * (https://otexts.com/fpp2/holt-winters.html), worked by hand for a quarterly toy series:
 *
 * <pre>
 * alpha = 0.5, beta* = 0.1, gamma = 0.2, l0 = 20, b0 = 1, s = (-10, 0, 10, 0), y = (10, 20)
 * t=1: l = 0.5(10 + 10) + 0.5(20 + 1) = 20.5;   b = 0.1(0.5) + 0.9(1) = 0.95;
 *      s1 = 0.2(10 - 20 - 1) + 0.8(-10) = -10.2
 * t=2: l = 0.5(20 - 0) + 0.5(20.5 + 0.95) = 20.725;   b = 0.1(0.225) + 0.9(0.95) = 0.8775;
 *      s2 = 0.2(20 - 20.5 - 0.95) + 0.8(0) = -0.29
 * yhat(3 | 2) = 20.725 + 0.8775 + 10 = 31.6025
 * </pre>
 */
class HoltWintersForecasterTest {

  @Test
  void recursionMatchesTheTextbookEquationsWorkedByHand() {
    double[] init = {20, 1, -10, 0, 10, 0};
    double[] season = new double[4];
    double[] state = new double[2];

    HoltWintersForecaster.runState(new double[] {10, 20}, 4, 0.5, 0.1, 0.2, init, season, state);

    assertThat(state[0]).isCloseTo(20.725, within(1e-9));
    assertThat(state[1]).isCloseTo(0.8775, within(1e-9));
    assertThat(season).containsExactly(new double[] {-10.2, -0.29, 10, 0}, within(1e-9));
    assertThat(state[0] + state[1] + season[2]).isCloseTo(31.6025, within(1e-9));
  }

  @Test
  void forecastsADailySineNearTheNoiseFloor() {
    // 5-min steps, 4 days; sigma = 2, so the best possible MAE is 2 * sqrt(2 / pi) = 1.60.
    var series = Synthetic.dailySine(Duration.ofMinutes(5), 288 * 4, 2, 7);
    CoarseView all = CoarseView.of(series, 1);
    ModelContext ctx = new ModelContext(300, 3, 288);
    var model = new HoltWintersForecaster().fit(all.shift(288), ctx);
    double[] out = new double[3];
    double sum = 0;
    int n = 0;

    for (int offset = 288; offset >= 3; offset--) {
      model.predict(all.shift(offset), out);
      sum += Math.abs(all.ago(offset - 3) - out[2]);
      n++;
    }

    assertThat(sum / n).isLessThan(1.6 * 1.3);
  }
}
