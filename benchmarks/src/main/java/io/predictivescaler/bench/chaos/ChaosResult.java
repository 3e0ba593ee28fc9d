package io.predictivescaler.bench.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a chaos run found: {@code chaos.json}'s content and examples of violations.
 *
 * @param scalerWrites replica writes by scaler instances that the API server accepted
 */
record ChaosResult(
    long seed,
    long ticks,
    long scalerWrites,
    Map<String, Integer> faults,
    Map<String, Integer> violations,
    List<String> examples,
    Duration wallTime) {

  int totalFaults() {
    return faults.values().stream().mapToInt(Integer::intValue).sum();
  }

  int totalViolations() {
    return violations.values().stream().mapToInt(Integer::intValue).sum();
  }

  long kindsInjected() {
    return faults.values().stream().filter(n -> n > 0).count();
  }
}
