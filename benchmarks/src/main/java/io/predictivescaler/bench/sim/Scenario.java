package io.predictivescaler.bench.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a replay simulates: the actual load at each control step and the cluster's timing.
 *
 * <p>Time is discrete. Tick {@code i} is at {@code start + i * step}; {@code load[i]} holds for the
 * step that starts there. Delays are rounded up to whole steps: a pod asked for at tick {@code i}
 * is Ready from tick {@code i + startupTicks()}, and at tick {@code i} the scaler sees {@code
 * load[i - metricTicks()]}.
 *
 * @param start time of tick 0
 * @param step control step, a positive whole number of seconds
 * @param load actual load per tick (not copied; must not be modified)
 * @param capacityPerReplica load one Ready replica serves at full capacity
 * @param startupDelay from asking for a pod to the pod being Ready
 * @param metricDelay how late the scaler sees the load
 * @param minReplicas the floor every strategy keeps (the oracle included)
 */
public record Scenario(
    Instant start,
    Duration step,
    double[] load,
    double capacityPerReplica,
    Duration startupDelay,
    Duration metricDelay,
    int minReplicas) {

  /** Relative slack when comparing load with capacity, so that load == capacity is served. */
  public static final double CAPACITY_TOLERANCE = 1e-9;

  public Scenario {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(load, "load");
    Objects.requireNonNull(startupDelay, "startupDelay");
    Objects.requireNonNull(metricDelay, "metricDelay");
    if (step.isNegative() || step.isZero() || step.getNano() != 0) {
      throw new IllegalArgumentException(
          "step must be a positive whole number of seconds, got " + step);
    }
    if (load.length == 0) {
      throw new IllegalArgumentException("load must not be empty");
    }
    if (!(capacityPerReplica > 0) || !Double.isFinite(capacityPerReplica)) {
      throw new IllegalArgumentException(
          "capacityPerReplica must be > 0, got " + capacityPerReplica);
    }
    if (startupDelay.isNegative()) {
      throw new IllegalArgumentException("startupDelay must be >= 0, got " + startupDelay);
    }
    if (metricDelay.isNegative()) {
      throw new IllegalArgumentException("metricDelay must be >= 0, got " + metricDelay);
    }
    if (minReplicas < 0) {
      throw new IllegalArgumentException("minReplicas must be >= 0, got " + minReplicas);
    }
  }

  /** Number of ticks. */
  public int ticks() {
    return load.length;
  }

  public long stepSeconds() {
    return step.getSeconds();
  }

  /** Start-up delay in whole steps, rounded up. */
  public int startupTicks() {
    return ceilTicks(startupDelay);
  }

  /** Metric delay in whole steps, rounded up. */
  public int metricTicks() {
    return ceilTicks(metricDelay);
  }

  public Instant timeAt(int tick) {
    return start.plusSeconds(tick * step.getSeconds());
  }

  /**
   * Replicas needed at full capacity to serve {@code load[tick]}, at least {@link #minReplicas}.
   */
  public int neededReplicas(int tick) {
    return Math.max(minReplicas, replicasFor(load[tick], capacityPerReplica));
  }

  /**
   * Replicas every strategy starts with, all Ready: enough at full capacity for the first start-up
   * delay, which no strategy can influence.
   */
  public int initialReplicas() {
    int initial = minReplicas;
    for (int i = 0; i <= Math.min(startupTicks(), load.length - 1); i++) {
      initial = Math.max(initial, neededReplicas(i));
    }
    return initial;
  }

  /** Whether {@code load} is more than {@code readyReplicas} serve. */
  public boolean overloaded(double load, int readyReplicas) {
    return load > readyReplicas * capacityPerReplica * (1 + CAPACITY_TOLERANCE);
  }

  /** Fewest replicas at full capacity {@code capacity} that serve {@code load}. */
  public static int replicasFor(double load, double capacity) {
    return (int) Math.ceil(load / capacity / (1 + CAPACITY_TOLERANCE));
  }

  private int ceilTicks(Duration delay) {
    long seconds = delay.getSeconds() + (delay.getNano() > 0 ? 1 : 0);
    return Math.toIntExact((seconds + stepSeconds() - 1) / stepSeconds());
  }
}
