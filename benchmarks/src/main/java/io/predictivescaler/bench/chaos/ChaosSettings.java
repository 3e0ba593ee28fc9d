package io.predictivescaler.bench.chaos;

import java.time.Duration;

/**
 * One chaos run.
 *
 * @param seed seeds the loads and the fault schedule
 * @param days simulated days
 * @param workloads number of Deployments under policy
 * @param step the control step: the virtual clock advances by it every tick
 * @param faultRate chance of a new fault at each tick
 * @param heapLimitMb heap in use after a GC above which {@code heap-bounded} is violated
 * @param faults the fault kinds to draw from
 */
record ChaosSettings(
    long seed,
    int days,
    int workloads,
    Duration step,
    double faultRate,
    int heapLimitMb,
    java.util.List<FaultKind> faults) {

  ChaosSettings {
    if (faults.isEmpty()) {
      throw new IllegalArgumentException("--faults must name at least one fault kind");
    }
    faults = java.util.List.copyOf(faults);
    if (days < 1) {
      throw new IllegalArgumentException("--days must be >= 1, got " + days);
    }
    if (workloads < 2 || workloads > 200) {
      throw new IllegalArgumentException("--workloads must be in 2..200, got " + workloads);
    }
    if (step.toSeconds() < 15
        || step.toSeconds() > 300
        || Duration.ofHours(1).toSeconds() % step.toSeconds() != 0) {
      throw new IllegalArgumentException("--step must be 15s..5m and divide an hour, got " + step);
    }
    if (!(faultRate > 0 && faultRate <= 1)) {
      throw new IllegalArgumentException("--fault-rate must be in (0, 1], got " + faultRate);
    }
    if (heapLimitMb < 64) {
      throw new IllegalArgumentException("--heap-limit-mb must be >= 64, got " + heapLimitMb);
    }
  }

  long ticks() {
    return Duration.ofDays(days).toSeconds() / step.toSeconds();
  }
}
