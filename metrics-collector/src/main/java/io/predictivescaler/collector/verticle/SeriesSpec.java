package io.predictivescaler.collector.verticle;

import io.predictivescaler.collector.source.MetricQuery;
import io.predictivescaler.collector.window.RollingWindow;
import java.time.Duration;
import java.util.Objects;

/**
 * One series to collect.
 *
 * @param id unique key, e.g. {@code shop/checkout}; also the event bus address suffix
 * @param source name of the {@link io.predictivescaler.collector.source.MetricSource} to ask
 * @param query what to ask it
 * @param step collection step and window slot width
 * @param retention history kept (and backfilled) for the series
 */
public record SeriesSpec(
    String id, String source, MetricQuery query, Duration step, Duration retention) {

  public SeriesSpec {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(retention, "retention");
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank");
    }
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("source must not be blank");
    }
    if (step.toMillis() < 1 || step.toNanos() % 1_000_000 != 0) {
      throw new IllegalArgumentException("step must be a positive whole number of ms, got " + step);
    }
    if (retention.compareTo(step) < 0) {
      throw new IllegalArgumentException("retention must be >= step, got " + retention);
    }
  }

  /** A series with the default retention (24 h window + 2 h feature lookback). */
  public static SeriesSpec of(String id, String source, MetricQuery query, Duration step) {
    return new SeriesSpec(id, source, query, step, RollingWindow.DEFAULT_RETENTION);
  }
}
