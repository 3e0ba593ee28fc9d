package io.predictivescaler.collector.metricsserver;

/** How the HPA counts a pod of the workload for a resource metric. */
public enum PodState {
  /** Ready, with a metric: counts toward utilization. */
  READY,
  /** Pending, or (for CPU) not ready yet as the HPA judges it: left out of utilization. */
  NOT_READY,
  /** Running but metrics-server has no metric for it. */
  MISSING
}
