package io.predictivescaler.forecast;

import io.predictivescaler.forecast.feature.CoarseView;

/** An immutable fitted model; safe to share between threads. */
public interface FittedModel {

  /** Name shown in forecasts and status, e.g. {@code linear} or {@code holt (holt-winters ...)}. */
  String name();

  /**
   * Writes the point forecast for grid steps {@code 1..out.length} after the newest bucket of
   * {@code recent} into {@code out}. Must not allocate much: it runs on every tick.
   */
  void predict(CoarseView recent, double[] out);
}
