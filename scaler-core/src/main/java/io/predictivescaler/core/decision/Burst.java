package io.predictivescaler.core.decision;

/**
 * The burst path: when load reaches {@code factor} times the ready capacity, a scale-up skips the
 * scale-up stabilization window (rate policies still apply). Off in the HPA defaults.
 */
public record Burst(boolean enabled, double factor) {

  public Burst {
    if (!(factor >= 1) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException(
          "burst factor must be a finite number >= 1, got " + factor);
    }
  }

  public static Burst disabled() {
    return new Burst(false, HpaDefaults.BURST_FACTOR);
  }

  public static Burst enabled(double factor) {
    return new Burst(true, factor);
  }
}
