package io.predictivescaler.collector.verticle;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of registering a series: how many points the initial backfill wrote, or why it could
 * not (the series is collected either way).
 */
public record Registration(String seriesId, long backfilledPoints, Optional<String> backfillError) {

  public Registration {
    Objects.requireNonNull(seriesId, "seriesId");
    Objects.requireNonNull(backfillError, "backfillError");
  }
}
