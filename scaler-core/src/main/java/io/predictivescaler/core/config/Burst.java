package io.predictivescaler.core.config;

/**
 * The burst path: when load exceeds {@code factor} times the ready capacity, scale-up skips its
 * stabilization window.
 */
public record Burst(boolean enabled, double factor) {

  public Burst {
    if (!(factor > 1) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("factor must be a finite number > 1, got " + factor);
    }
  }
}
