package io.predictivescaler.forecast;

/**
 * What a model needs to know about the grid it fits on, all in buckets of that grid.
 *
 * @param gridSeconds the model grid's step in seconds
 * @param horizonSteps how many steps ahead to forecast
 * @param seasonSteps the seasonal period in steps
 */
public record ModelContext(long gridSeconds, int horizonSteps, int seasonSteps) {

  public ModelContext {
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

  public long seasonSeconds() {
    return gridSeconds * seasonSteps;
  }
}
