package io.predictivescaler.core.decision;

import java.util.Objects;

/**
 * A metric that could not be read this tick. Like an invalid metric in the HPA, it blocks a
 * scale-down but not a scale-up.
 */
public record UnavailableMetric(String name, String why) implements MetricInput {

  public UnavailableMetric {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(why, "why");
  }
}
