package io.predictivescaler.bench.sim;

import java.time.Duration;
import java.time.Instant;

/** Hand-made scenarios in whole replicas: capacity 10 per replica, 15 s steps. */
public final class TestScenarios {

  public static final double CAPACITY = 10;
  public static final Duration STEP = Duration.ofSeconds(15);
  public static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

  private TestScenarios() {}

  /** Load that needs exactly {@code needs[i]} replicas at full capacity at tick {@code i}. */
  public static Scenario ofNeeds(int startupTicks, int metricTicks, int... needs) {
    double[] load = new double[needs.length];
    for (int i = 0; i < needs.length; i++) {
      load[i] = needs[i] * CAPACITY;
    }
    return ofLoad(startupTicks, metricTicks, load);
  }

  public static Scenario ofLoad(int startupTicks, int metricTicks, double... load) {
    return new Scenario(
        START,
        STEP,
        load,
        CAPACITY,
        STEP.multipliedBy(startupTicks),
        STEP.multipliedBy(metricTicks),
        1);
  }

  /** {@code times} copies of {@code value}. */
  public static int[] repeat(int value, int times) {
    int[] out = new int[times];
    java.util.Arrays.fill(out, value);
    return out;
  }

  public static int[] concat(int[]... parts) {
    return java.util.Arrays.stream(parts).flatMapToInt(java.util.Arrays::stream).toArray();
  }
}
