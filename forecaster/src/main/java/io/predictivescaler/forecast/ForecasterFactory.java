package io.predictivescaler.forecast;

import io.predictivescaler.forecast.baseline.HoltForecaster;
import io.predictivescaler.forecast.baseline.HoltWintersForecaster;
import io.predictivescaler.forecast.baseline.LastValueForecaster;
import io.predictivescaler.forecast.baseline.SeasonalNaiveForecaster;
import io.predictivescaler.forecast.tribuo.LinearForecaster;
import io.predictivescaler.forecast.tribuo.TreeForecaster;
import io.predictivescaler.forecast.tribuo.XGBoostForecaster;
import java.util.List;
import java.util.Optional;

/** The one place that maps a configured model to an implementation. */
public final class ForecasterFactory {

  /** What {@code auto} chooses among: cheap to fit and to predict. */
  public static final List<ModelKind> AUTO_CANDIDATES =
      List.of(
          ModelKind.LAST_VALUE,
          ModelKind.SEASONAL_NAIVE,
          ModelKind.HOLT,
          ModelKind.HOLT_WINTERS,
          ModelKind.LINEAR);

  private ForecasterFactory() {}

  public static Forecaster create(String model) {
    return create(ModelKind.parse(model));
  }

  /** A forecaster for {@code kind}; {@code auto} is not a single model (see SeriesForecaster). */
  public static Forecaster create(ModelKind kind) {
    return switch (kind) {
      case LAST_VALUE -> new LastValueForecaster();
      case SEASONAL_NAIVE -> new SeasonalNaiveForecaster();
      case HOLT -> new HoltForecaster();
      case HOLT_WINTERS -> new HoltWintersForecaster();
      case LINEAR -> new LinearForecaster();
      case TREE -> new TreeForecaster();
      case XGBOOST -> new XGBoostForecaster();
      case AUTO ->
          throw new IllegalArgumentException(
              "model: 'auto' chooses among "
                  + AUTO_CANDIDATES
                  + " and has no forecaster of its own");
    };
  }

  /**
   * The next tier down when history is too short for {@code kind} (cold start): seasonal and
   * regression models fall back to Holt's trend, Holt and seasonal naive to the last value.
   */
  public static Optional<ModelKind> fallback(ModelKind kind) {
    return switch (kind) {
      case LINEAR, TREE, XGBOOST, HOLT_WINTERS -> Optional.of(ModelKind.HOLT);
      case HOLT, SEASONAL_NAIVE -> Optional.of(ModelKind.LAST_VALUE);
      case LAST_VALUE, AUTO -> Optional.empty();
    };
  }
}
