package io.predictivescaler.forecast;

import java.time.Duration;
import java.util.Objects;

/**
 * How one series is forecast. Defaults live in {@link #defaults()} and nowhere else; the compact
 * constructor rejects bad values with a message naming the field and the value.
 *
 * @param model which model, or {@code auto} to pick one per series by backtest
 * @param horizon how far ahead to forecast
 * @param quantile quantile of recent out-of-sample residuals that the upper band adds, in (0, 1)
 * @param season seasonal period (daily by default)
 * @param refitInterval how often the model is refit on a worker thread
 * @param repickInterval how often {@code auto} re-runs its backtest to choose a model
 * @param minHistory history needed before a forecast can be trusted
 * @param modelStep grid the models fit on; series with a finer step are averaged to it
 * @param trainingHistory how much matured history is kept and used for training
 * @param accuracyWindow recent period over which online accuracy decides trust
 * @param minAccuracySamples online samples needed before online accuracy overrides the backtest
 * @param minSkill relative MAE improvement over the best baseline required for trust, in [0, 1)
 * @param backtestWindow recent history that {@code auto}'s backtest scores models on
 */
public record ForecastSettings(
    ModelKind model,
    Duration horizon,
    double quantile,
    Duration season,
    Duration refitInterval,
    Duration repickInterval,
    Duration minHistory,
    Duration modelStep,
    Duration trainingHistory,
    Duration accuracyWindow,
    int minAccuracySamples,
    double minSkill,
    Duration backtestWindow) {

  public ForecastSettings {
    Objects.requireNonNull(model, "model");
    positive("horizon", horizon);
    if (!(quantile > 0 && quantile < 1)) {
      throw new IllegalArgumentException("quantile: must be in (0, 1), got " + quantile);
    }
    positive("season", season);
    positive("refitInterval", refitInterval);
    positive("repickInterval", repickInterval);
    notNegative("minHistory", minHistory);
    positive("modelStep", modelStep);
    positive("trainingHistory", trainingHistory);
    positive("accuracyWindow", accuracyWindow);
    positive("backtestWindow", backtestWindow);
    if (minAccuracySamples < 1) {
      throw new IllegalArgumentException(
          "minAccuracySamples: must be >= 1, got " + minAccuracySamples);
    }
    if (!(minSkill >= 0 && minSkill < 1)) {
      throw new IllegalArgumentException("minSkill: must be in [0, 1), got " + minSkill);
    }
    if (horizon.compareTo(season) >= 0) {
      throw new IllegalArgumentException(
          "horizon: must be shorter than season (" + season + "), got " + horizon);
    }
    if (trainingHistory.compareTo(season) < 0) {
      throw new IllegalArgumentException(
          "trainingHistory: must be at least one season (" + season + "), got " + trainingHistory);
    }
  }

  /** The defaults: auto, 10 min horizon, 0.9 quantile, daily season, hourly refit. */
  public static ForecastSettings defaults() {
    return new ForecastSettings(
        ModelKind.AUTO,
        Duration.ofMinutes(10),
        0.9,
        Duration.ofDays(1),
        Duration.ofHours(1),
        Duration.ofHours(6),
        Duration.ofHours(2),
        Duration.ofMinutes(1),
        Duration.ofDays(3),
        Duration.ofHours(3),
        20,
        0.02,
        Duration.ofHours(12));
  }

  public ForecastSettings withModel(ModelKind value) {
    return new ForecastSettings(
        value,
        horizon,
        quantile,
        season,
        refitInterval,
        repickInterval,
        minHistory,
        modelStep,
        trainingHistory,
        accuracyWindow,
        minAccuracySamples,
        minSkill,
        backtestWindow);
  }

  public ForecastSettings withModel(String configName) {
    return withModel(ModelKind.parse(configName));
  }

  public ForecastSettings withHorizon(Duration value) {
    return new ForecastSettings(
        model,
        value,
        quantile,
        season,
        refitInterval,
        repickInterval,
        minHistory,
        modelStep,
        trainingHistory,
        accuracyWindow,
        minAccuracySamples,
        minSkill,
        backtestWindow);
  }

  public ForecastSettings withQuantile(double value) {
    return new ForecastSettings(
        model,
        horizon,
        value,
        season,
        refitInterval,
        repickInterval,
        minHistory,
        modelStep,
        trainingHistory,
        accuracyWindow,
        minAccuracySamples,
        minSkill,
        backtestWindow);
  }

  public ForecastSettings withRefitInterval(Duration value) {
    return new ForecastSettings(
        model,
        horizon,
        quantile,
        season,
        value,
        repickInterval,
        minHistory,
        modelStep,
        trainingHistory,
        accuracyWindow,
        minAccuracySamples,
        minSkill,
        backtestWindow);
  }

  public ForecastSettings withSeason(Duration value) {
    return new ForecastSettings(
        model,
        horizon,
        quantile,
        value,
        refitInterval,
        repickInterval,
        minHistory,
        modelStep,
        trainingHistory,
        accuracyWindow,
        minAccuracySamples,
        minSkill,
        backtestWindow);
  }

  public ForecastSettings withAccuracyWindow(Duration value) {
    return new ForecastSettings(
        model,
        horizon,
        quantile,
        season,
        refitInterval,
        repickInterval,
        minHistory,
        modelStep,
        trainingHistory,
        value,
        minAccuracySamples,
        minSkill,
        backtestWindow);
  }

  private static void positive(String field, Duration value) {
    Objects.requireNonNull(value, field);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + ": must be > 0, got " + value);
    }
  }

  private static void notNegative(String field, Duration value) {
    Objects.requireNonNull(value, field);
    if (value.isNegative()) {
      throw new IllegalArgumentException(field + ": must be >= 0, got " + value);
    }
  }
}
