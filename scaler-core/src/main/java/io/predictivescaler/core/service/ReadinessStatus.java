package io.predictivescaler.core.service;

import java.util.List;

/**
 * The answer of {@code /readyz}: ready when no check fails.
 *
 * @param failing one line per failing check, e.g. "config: no valid policy loaded yet"
 */
public record ReadinessStatus(List<String> failing) {

  public ReadinessStatus {
    failing = List.copyOf(failing);
  }

  public static ReadinessStatus ready() {
    return new ReadinessStatus(List.of());
  }

  public static ReadinessStatus notReady(String... failing) {
    return new ReadinessStatus(List.of(failing));
  }

  public boolean isReady() {
    return failing.isEmpty();
  }
}
