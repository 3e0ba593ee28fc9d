package io.predictivescaler.forecast;

import io.predictivescaler.forecast.feature.WeeklyHistory;
import java.util.Objects;

/**
 * What a model needs to know about the grid it fits on, all in buckets of that grid, and the coarse
 * history its weekly features read.
 *
 * @param gridSeconds the model grid's step in seconds
 * @param horizonSteps how many steps ahead to forecast
 * @param seasonSteps the seasonal period in steps
 * @param weekly the coarse history longer than a week (empty: no weekly features)
 */
public record ModelContext(
    long gridSeconds, int horizonSteps, int seasonSteps, WeeklyHistory weekly) {

  /** A context without weekly history. */
  public ModelContext(long gridSeconds, int horizonSteps, int seasonSteps) {
    this(gridSeconds, horizonSteps, seasonSteps, WeeklyHistory.empty());
  }

  public ModelContext {
    Objects.requireNonNull(weekly, "weekly");
    if (gridSeconds < 1) {
      throw new IllegalArgumentException("gridSeconds: must be >= 1, got " + gridSeconds);
    }
    if (horizonSteps < 1) {
      throw new IllegalArgumentException("horizonSteps: must be >= 1, got " + horizonSteps);
    }
    if (seasonSteps <= horizonSteps) {
      throw new IllegalArgumentException(
          "seasonSteps: must exceed horizonSteps (" + horizonSteps + "), got " + seasonSteps);
    }
  }

  /** This context reading its weekly features from {@code history}. */
  public ModelContext withWeekly(WeeklyHistory history) {
    return new ModelContext(gridSeconds, horizonSteps, seasonSteps, history);
  }

  public long seasonSeconds() {
    return gridSeconds * seasonSteps;
  }
}
