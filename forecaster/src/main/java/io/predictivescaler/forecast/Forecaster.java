package io.predictivescaler.forecast;

import io.predictivescaler.forecast.feature.CoarseView;

/**
 * A forecasting model: {@link #fit} is blocking and may cost milliseconds (run it off the event
 * loop); the {@link FittedModel} it returns is immutable and predicts in microseconds. {@link
 * ForecasterFactory} maps a config name to an implementation.
 */
public interface Forecaster {

  ModelKind kind();

  /** Buckets of history (on the model grid) that {@link #fit} needs. */
  int minHistory(ModelContext context);

  /** Fits on {@code history} (gap-free, on the model grid, newest bucket last seen). */
  FittedModel fit(CoarseView history, ModelContext context);
}
