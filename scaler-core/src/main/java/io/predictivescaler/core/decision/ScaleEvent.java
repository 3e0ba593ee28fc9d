package io.predictivescaler.core.decision;

import java.time.Instant;
import java.util.Objects;

/**
 * A scale applied at {@code at}, by {@code replicaChange} pods (always > 0; the list says the
 * direction).
 */
public record ScaleEvent(Instant at, int replicaChange) {

  public ScaleEvent {
    Objects.requireNonNull(at, "at");
    if (replicaChange <= 0) {
      throw new IllegalArgumentException("replicaChange must be > 0, got " + replicaChange);
    }
  }
}
