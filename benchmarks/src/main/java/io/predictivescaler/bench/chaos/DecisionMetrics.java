package io.predictivescaler.bench.chaos;

import io.predictivescaler.core.config.ResourceMetric;
import io.predictivescaler.core.config.WorkloadPolicy;
import java.util.HashMap;
import java.util.Map;

/**
 * Which metric each instance's applied decisions read at the current tick, so that a write is
 * judged on the policy its writer decided with: right after a workload switches between a {@code
 * prometheus:} and a {@code resource:} metric, the run's own book still counts the previous version
 * as possibly in force, but the writer's decision says which one it used.
 */
final class DecisionMetrics {

  private final Map<String, Boolean> readMetricsServer = new HashMap<>();

  /** Forgets the previous tick's decisions. */
  void newTick() {
    readMetricsServer.clear();
  }

  /** Records that {@code instance} decided with {@code policy} at this tick. */
  void decided(String instance, WorkloadPolicy policy) {
    readMetricsServer.put(
        key(instance, policy.target().name()), policy.metric() instanceof ResourceMetric);
  }

  /**
   * Whether the decision behind {@code writer}'s write to {@code workload} read metrics-server;
   * {@code otherwise} when this tick has no decision of that writer for it.
   */
  boolean readMetricsServer(String writer, String workload, boolean otherwise) {
    return readMetricsServer.getOrDefault(key(writer, workload), otherwise);
  }

  private static String key(String instance, String workload) {
    return instance + "/" + workload;
  }
}
