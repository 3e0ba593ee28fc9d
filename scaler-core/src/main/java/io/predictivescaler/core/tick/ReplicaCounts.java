package io.predictivescaler.core.tick;

/**
 * What a scale target says of its replicas.
 *
 * @param desired {@code spec.replicas} (the API server defaults a missing value to 1)
 * @param ready {@code status.readyReplicas} (0 when the status has none)
 */
public record ReplicaCounts(int desired, int ready) {

  public ReplicaCounts {
    if (desired < 0 || ready < 0) {
      throw new IllegalArgumentException(
          "replica counts must be >= 0, got desired " + desired + ", ready " + ready);
    }
  }
}
