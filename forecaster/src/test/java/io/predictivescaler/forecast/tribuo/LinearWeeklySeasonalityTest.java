package io.predictivescaler.forecast.tribuo;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.forecast.FittedModel;
import io.predictivescaler.forecast.ModelContext;
import io.predictivescaler.forecast.RegularSeries;
import io.predictivescaler.forecast.Synthetic;
import io.predictivescaler.forecast.feature.CoarseView;
import io.predictivescaler.forecast.feature.WeeklyHistory;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * On a load with busy weekdays and quiet weekends, the day after the weekend looks nothing like the
 * day before it: only the weekly features tell the model that Monday morning climbs.
 */
class LinearWeeklySeasonalityTest {
  private static final Duration STEP = Duration.ofMinutes(5);
  private static final int DAY = 288;
  private static final int HORIZON = 6;
  private static final int MONDAY = 14 * DAY; // Synthetic.T0 is a Monday
  private static final ModelContext DAILY_ONLY = new ModelContext(300, HORIZON, DAY);

  /** MAE at the horizon over Monday, fitted at Monday 00:00 on the three days before. */
  private static double mondayMae(RegularSeries s, ModelContext ctx) {
    RegularSeries training = Synthetic.window(s, MONDAY, 3 * DAY);
    FittedModel m = new LinearForecaster().fit(CoarseView.materialize(training, 1), ctx);
    double[] out = new double[HORIZON];
    double sum = 0;
    for (int origin = MONDAY; origin < MONDAY + DAY - HORIZON; origin++) {
      m.predict(CoarseView.of(Synthetic.window(s, origin, DAY + 24), 1), out);
      sum += Math.abs(s.values()[origin + HORIZON] - out[HORIZON - 1]);
    }
    return sum / (DAY - HORIZON);
  }

  @Test
  void weeklyFeaturesForecastTheDayAfterTheWeekendBetter() {
    RegularSeries s = Synthetic.officeWeeks(STEP, 15 * DAY, 3);
    RegularSeries matured =
        new RegularSeries(s.start(), STEP, Arrays.copyOfRange(s.values(), 0, MONDAY + 1));
    WeeklyHistory weekly = WeeklyHistory.empty().merge(matured, Duration.ofDays(10));

    double withoutWeekly = mondayMae(s, DAILY_ONLY);
    double withWeekly = mondayMae(s, DAILY_ONLY.withWeekly(weekly));

    assertThat(withWeekly).isLessThan(0.5 * withoutWeekly);
  }
}
