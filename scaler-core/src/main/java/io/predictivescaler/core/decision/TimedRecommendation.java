package io.predictivescaler.core.decision;

import java.time.Instant;
import java.util.Objects;

/** A recommendation the pipeline made before stabilization, and when. */
public record TimedRecommendation(Instant at, int replicas) {

  public TimedRecommendation {
    Objects.requireNonNull(at, "at");
    if (replicas < 0) {
      throw new IllegalArgumentException("replicas must be >= 0, got " + replicas);
    }
  }
}
