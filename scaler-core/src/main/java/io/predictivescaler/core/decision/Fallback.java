package io.predictivescaler.core.decision;

import java.time.Duration;
import java.util.Objects;

/**
 * KEDA's fallback: once no metric could be used for {@code after}, the workload runs {@code
 * replicas} instead of holding its count, until a metric is back.
 *
 * @param replicas the count to run, at least 1 (the range still bounds it)
 * @param after how long the metrics must have been unavailable, > 0
 */
public record Fallback(int replicas, Duration after) {

  public Fallback {
    Objects.requireNonNull(after, "after");
    if (replicas < 1) {
      throw new IllegalArgumentException("fallback replicas must be >= 1, got " + replicas);
    }
    if (after.isNegative() || after.isZero()) {
      throw new IllegalArgumentException("fallback after must be > 0, got " + after);
    }
  }
}
