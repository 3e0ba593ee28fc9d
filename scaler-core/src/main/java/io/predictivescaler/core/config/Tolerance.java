package io.predictivescaler.core.config;

/**
 * The relative change against current replicas below which no scaling happens (HPA's {@code
 * --horizontal-pod-autoscaler-tolerance}), per direction.
 */
public record Tolerance(double up, double down) {

  public Tolerance {
    check("up", up);
    check("down", down);
  }

  public static Tolerance of(double both) {
    return new Tolerance(both, both);
  }

  private static void check(String name, double value) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException(name + " must be >= 0 and < 1, got " + value);
    }
  }
}
