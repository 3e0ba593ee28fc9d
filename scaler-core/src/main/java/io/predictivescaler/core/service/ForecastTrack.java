package io.predictivescaler.core.service;

import io.predictivescaler.forecast.Forecast;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * One workload's "forecast vs actual": per tick, the load observed and what the forecast made one
 * horizon earlier said for that moment (point and upper band), over the last {@link #KEPT}. Fed by
 * the tick thread, read by the ops API.
 */
final class ForecastTrack {

  static final Duration KEPT = Duration.ofHours(1);

  private final Deque<Forecast> pending = new ArrayDeque<>();
  private final Deque<ForecastPoint> points = new ArrayDeque<>();

  /**
   * Records a tick and returns its point.
   *
   * @param actual the load observed at {@code now}, NaN when missing
   * @param forecast the forecast made at this tick, null when none was made
   * @param horizon how far ahead forecasts are compared with what happened
   */
  synchronized ForecastPoint add(Instant now, double actual, Forecast forecast, Duration horizon) {
    Instant madeBy = now.minus(horizon);
    Forecast matured = null;
    while (!pending.isEmpty() && !pending.peekFirst().origin().isAfter(madeBy)) {
      matured = pending.removeFirst();
    }
    Double point = matured == null ? null : finite(matured.pointAt(now));
    Double upper = matured == null ? null : finite(matured.upperAt(now));
    ForecastPoint entry = new ForecastPoint(now, point, upper, finite(actual));
    points.addLast(entry);
    while (!points.isEmpty() && points.peekFirst().time().isBefore(now.minus(KEPT))) {
      points.removeFirst();
    }
    if (forecast != null && (pending.isEmpty() || forecast.origin().isAfter(last().origin()))) {
      pending.addLast(forecast);
    }
    return entry;
  }

  /** The points of the last hour, oldest first. */
  synchronized List<ForecastPoint> points() {
    return List.copyOf(points);
  }

  private Forecast last() {
    return pending.peekLast();
  }

  /** |forecast − actual| of a point, null when either is unknown. */
  static Double error(ForecastPoint point) {
    return point.forecast() == null || point.actual() == null
        ? null
        : Math.abs(point.forecast() - point.actual());
  }

  static Double finite(double value) {
    return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
  }
}
