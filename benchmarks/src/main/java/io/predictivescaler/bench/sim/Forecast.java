package io.predictivescaler.bench.sim;

import java.time.Instant;
import java.util.Objects;

/**
 * The load a strategy expected at one future time, as used for a decision; the report plots it
 * against the actual load at {@code target}.
 *
 * @param target the time forecast (usually {@code now + horizon})
 * @param point the point forecast
 * @param lower the band's lower edge ({@code point} when the model has none)
 * @param upper the band's upper edge, the value scaling uses
 * @param model the model's name, e.g. {@code holt-winters}
 */
public record Forecast(Instant target, double point, double lower, double upper, String model) {

  public Forecast {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(model, "model");
  }
}
