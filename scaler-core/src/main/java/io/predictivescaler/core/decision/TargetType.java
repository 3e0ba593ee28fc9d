package io.predictivescaler.core.decision;

/** The autoscaling/v2 metric target types. */
public enum TargetType {
  /** Percent of the pods' resource requests, averaged over pods (Resource metrics only). */
  UTILIZATION,
  /** Value per pod: the metric total divided by the pod count. */
  AVERAGE_VALUE,
  /** The metric's total value (Object and External metrics only). */
  VALUE
}
