package io.predictivescaler.forecast.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.predictivescaler.forecast.FittedModel;
import io.predictivescaler.forecast.Forecaster;
import io.predictivescaler.forecast.ForecasterFactory;
import io.predictivescaler.forecast.ModelContext;
import io.predictivescaler.forecast.ModelKind;
import io.predictivescaler.forecast.RegularSeries;
import io.predictivescaler.forecast.Synthetic;
import io.predictivescaler.forecast.feature.CoarseView;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Backtests on five-minute series with a daily season and a 3-step horizon, with series whose
 * forecast errors are known in closed form.
 */
class ModelSelectorTest {
  private static final Duration STEP = Duration.ofMinutes(5);
  private static final int DAY = 288;
  private static final int HORIZON = 3;
  private static final ModelContext CONTEXT = new ModelContext(300, HORIZON, DAY);
  private static final Instant NOW = Instant.parse("2024-01-05T00:00:00Z");
  private static final int HOLDOUT = 100;

  private static final List<ModelKind> BASELINES =
      List.of(ModelKind.LAST_VALUE, ModelKind.SEASONAL_NAIVE);

  @Test
  void picksTheCandidateWithTheLowestBacktestError() {
    CoarseView sine = view(4 * DAY, i -> 100 + 50 * Math.sin(2 * Math.PI * i / DAY));

    Selection s =
        ModelSelector.select(
            sine,
            CONTEXT,
            List.of(ModelKind.LAST_VALUE, ModelKind.SEASONAL_NAIVE, ModelKind.HOLT),
            HOLDOUT,
            0.9,
            false,
            NOW);

    assertThat(s.best()).isEqualTo(ModelKind.SEASONAL_NAIVE);
    assertThat(s.partner()).isNull();
    assertThat(s.score(ModelKind.SEASONAL_NAIVE)).isCloseTo(0, within(1e-3));
    assertThat(s.score(ModelKind.LAST_VALUE)).isGreaterThan(1);
    assertThat(s.score(ModelKind.HOLT)).isGreaterThan(s.score(ModelKind.SEASONAL_NAIVE));
    assertThat(s.winnerScore()).isEqualTo(s.score(ModelKind.SEASONAL_NAIVE));
    assertThat(s.at()).isEqualTo(NOW);
  }

  @Test
  void aTieGoesToTheEarlierCandidate() {
    CoarseView flat = view(2 * DAY, i -> 42);

    Selection seasonalFirst =
        ModelSelector.select(
            flat,
            CONTEXT,
            List.of(ModelKind.SEASONAL_NAIVE, ModelKind.LAST_VALUE),
            HOLDOUT,
            0.9,
            true,
            NOW);
    Selection lastValueFirst =
        ModelSelector.select(flat, CONTEXT, BASELINES, HOLDOUT, 0.9, true, NOW);

    assertThat(seasonalFirst.score(ModelKind.LAST_VALUE)).isZero();
    assertThat(seasonalFirst.score(ModelKind.SEASONAL_NAIVE)).isZero();
    assertThat(seasonalFirst.best()).isEqualTo(ModelKind.SEASONAL_NAIVE);
    assertThat(lastValueFirst.best()).isEqualTo(ModelKind.LAST_VALUE);
    // their equal-weight average is no better than either: a single model wins
    assertThat(seasonalFirst.partner()).isNull();
    assertThat(lastValueFirst.partner()).isNull();
  }

  @Test
  void theAverageOfTwoModelsWinsWhenTheyErrInOppositeDirections() {
    // falls by 1 a step within each day, and the last day is 3 higher than the one before: the
    // last value overshoots by 3 at the horizon, the value a day ago undershoots by 3
    CoarseView shifted = view(4 * DAY, i -> 500 - i % DAY + (i >= 3 * DAY ? 3 : 0));

    Selection combined = ModelSelector.select(shifted, CONTEXT, BASELINES, HOLDOUT, 0.9, true, NOW);
    Selection single = ModelSelector.select(shifted, CONTEXT, BASELINES, HOLDOUT, 0.9, false, NOW);

    assertThat(combined.score(ModelKind.LAST_VALUE)).isCloseTo(3, within(1e-9));
    assertThat(combined.score(ModelKind.SEASONAL_NAIVE)).isCloseTo(3, within(1e-9));
    assertThat(combined.best()).isEqualTo(ModelKind.LAST_VALUE);
    assertThat(combined.partner()).isEqualTo(ModelKind.SEASONAL_NAIVE);
    assertThat(combined.winnerName()).isEqualTo("last-value+seasonal-naive");
    assertThat(combined.winnerScore()).isCloseTo(0, within(1e-9));
    // exact at the horizon only: at step j the two err by -j and +3
    assertThat(combined.winnerOffsets())
        .containsExactly(new double[] {(3 - 1) / 2.0, (3 - 2) / 2.0, 0}, within(1e-6));
    assertThat(single.partner()).isNull();
    assertThat(single.best()).isEqualTo(ModelKind.LAST_VALUE);
    assertThat(single.winnerScore()).isCloseTo(3, within(1e-9));
  }

  @Test
  void theWinnerIsNeverWorseThanAnyCandidateAndTheChoiceIsRepeatable() {
    RegularSeries noisy = Synthetic.dailySine(STEP, 4 * DAY, 6, 21);
    List<ModelKind> candidates =
        List.of(
            ModelKind.LAST_VALUE, ModelKind.SEASONAL_NAIVE, ModelKind.HOLT, ModelKind.HOLT_WINTERS);

    Selection first = select(noisy, candidates);
    Selection again = select(noisy, candidates);

    assertThat(first.scores()).containsOnlyKeys(candidates);
    double bestSingle =
        first.scores().values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    if (first.partner() == null) {
      assertThat(first.winnerScore()).isEqualTo(bestSingle);
    } else {
      assertThat(first.winnerScore()).isLessThan(bestSingle);
    }
    assertThat(again.winnerName()).isEqualTo(first.winnerName());
    assertThat(again.winnerScore()).isEqualTo(first.winnerScore());
    assertThat(again.scores()).isEqualTo(first.scores());
  }

  @Test
  void skipsCandidatesWhoseTrainingHistoryIsTooShort() {
    // 300 points less the 100 held out leave 200 to train on: less than a season
    CoarseView short_ = view(300, i -> 100 + i % 7);

    Selection s = ModelSelector.select(short_, CONTEXT, BASELINES, HOLDOUT, 0.9, true, NOW);

    assertThat(s.scores()).containsOnlyKeys(ModelKind.LAST_VALUE);
    assertThat(s.score(ModelKind.SEASONAL_NAIVE)).isNaN();
    assertThat(s.upperOffsets(ModelKind.SEASONAL_NAIVE)).isNull();
    assertThat(s.best()).isEqualTo(ModelKind.LAST_VALUE);
  }

  @Test
  void withNoCandidateToScoreTheSelectionIsEmpty() {
    CoarseView short_ = view(300, i -> 100 + i % 7);

    Selection s =
        ModelSelector.select(
            short_, CONTEXT, List.of(ModelKind.SEASONAL_NAIVE), HOLDOUT, 0.9, true, NOW);

    assertThat(s.scores()).isEmpty();
    assertThat(s.origins()).isZero();
    assertThat(s.winnerOffsets()).isNull();
  }

  @Test
  void scoresEveryOriginInTheHoldoutUpToAFewHundred() {
    CoarseView ramp = view(6 * DAY, i -> i);

    Selection dense =
        ModelSelector.select(
            ramp, CONTEXT, List.of(ModelKind.LAST_VALUE), HOLDOUT, 0.9, false, NOW);
    Selection strided =
        ModelSelector.select(ramp, CONTEXT, List.of(ModelKind.LAST_VALUE), 1000, 0.9, false, NOW);

    assertThat(dense.origins()).isEqualTo(HOLDOUT - HORIZON + 1);
    // 997 origins would be more than 360: every second one is scored
    assertThat(strided.origins()).isEqualTo((1000 - HORIZON) / 2 + 1);
  }

  @Test
  void upperOffsetsAreEachStepsResidualQuantile() {
    // on a ramp rising by 1 a step the last value is short by exactly j at step j
    CoarseView ramp = view(2 * DAY, i -> i);

    Selection s =
        ModelSelector.select(
            ramp, CONTEXT, List.of(ModelKind.LAST_VALUE), HOLDOUT, 0.5, false, NOW);

    assertThat(s.upperOffsets(ModelKind.LAST_VALUE))
        .containsExactly(new double[] {1, 2, 3}, within(1e-6));
    assertThat(s.winnerOffsets()).containsExactly(new double[] {1, 2, 3}, within(1e-6));
    assertThat(s.score(ModelKind.LAST_VALUE)).isCloseTo(HORIZON, within(1e-9));
  }

  @Test
  void theBestBaselineIsTheLowerOfLastValueAndSeasonalNaive() {
    CoarseView sine = view(4 * DAY, i -> 100 + 50 * Math.sin(2 * Math.PI * i / DAY));

    Selection s = ModelSelector.select(sine, CONTEXT, BASELINES, HOLDOUT, 0.9, false, NOW);

    assertThat(s.bestBaseline()).isEqualTo(s.score(ModelKind.SEASONAL_NAIVE));
  }

  private static Selection select(RegularSeries series, List<ModelKind> candidates) {
    return ModelSelector.select(
        CoarseView.materialize(series, 1), CONTEXT, candidates, 144, 0.9, true, NOW);
  }

  @Test
  void aCandidateThatThrowsOrForecastsNaNIsLeftOutWithTheReason() {
    CoarseView sine = view(4 * DAY, i -> 100 + 50 * Math.sin(2 * Math.PI * i / DAY));
    Function<ModelKind, Forecaster> models =
        kind ->
            switch (kind) {
              case HOLT ->
                  broken(
                      kind,
                      () -> {
                        throw new IllegalStateException("singular matrix");
                      });
              case LINEAR -> broken(kind, () -> Double.NaN);
              default -> ForecasterFactory.create(kind);
            };

    Selection s =
        ModelSelector.select(
            sine,
            CONTEXT,
            List.of(ModelKind.HOLT, ModelKind.LINEAR, ModelKind.SEASONAL_NAIVE),
            HOLDOUT,
            0.9,
            true,
            NOW,
            models);

    assertThat(s.best()).isEqualTo(ModelKind.SEASONAL_NAIVE);
    assertThat(s.scores()).containsOnlyKeys(ModelKind.SEASONAL_NAIVE);
    assertThat(s.failures())
        .containsOnlyKeys(ModelKind.HOLT, ModelKind.LINEAR)
        .containsEntry(
            ModelKind.HOLT,
            "failed in the backtest: java.lang.IllegalStateException: singular matrix")
        .containsEntry(ModelKind.LINEAR, "forecast a non-finite value in the backtest");
  }

  /** A candidate whose every forecast point comes from {@code value}. */
  private static Forecaster broken(ModelKind kind, DoubleSupplier value) {
    return new Forecaster() {
      @Override
      public ModelKind kind() {
        return kind;
      }

      @Override
      public int minHistory(ModelContext context) {
        return 1;
      }

      @Override
      public FittedModel fit(CoarseView history, ModelContext context) {
        return new FittedModel() {
          @Override
          public String name() {
            return kind.configName();
          }

          @Override
          public void predict(CoarseView recent, double[] out) {
            Arrays.fill(out, value.getAsDouble());
          }
        };
      }
    };
  }

  private static CoarseView view(int n, IntToDoubleFunction f) {
    return CoarseView.materialize(Synthetic.series(STEP, n, f), 1);
  }
}
