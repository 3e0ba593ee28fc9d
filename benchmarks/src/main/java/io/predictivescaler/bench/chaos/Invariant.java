package io.predictivescaler.bench.chaos;

/** What the chaos run checks every tick; {@link #key()} names it in {@code chaos.json}. */
enum Invariant {
  /** A scaler wrote while another scaler held the Lease or its own renewal had lapsed. */
  NO_WRITE_WHILE_NOT_LEADER("no-write-while-not-leader"),
  /** A scale-down written while Prometheus had answered nothing usable for the workload. */
  NO_SCALE_DOWN_ON_MISSING_DATA("no-scale-down-on-missing-data"),
  /** A workload with a policy and a Deployment got no decision at a tick. */
  DECISION_WITHIN_ONE_STEP("decision-within-one-step"),
  /** Heap in use after a GC above the limit. */
  HEAP_BOUNDED("heap-bounded"),
  /** An HPA's minReplicas not back to its original once its workload left hpa-floor. */
  HPA_FLOOR_RESTORED("hpa-floor-restored"),
  /** A workload's policy taken over by a newer ConfigMap claiming it too. */
  POLICY_OWNER_STABLE("policy-owner-stable"),
  /** A replica count or HPA floor written outside the policy's [minReplicas, maxReplicas]. */
  WITHIN_MIN_MAX("within-min-max"),
  /** A restarted instance not ready, or without windows, once the API and Prometheus answer. */
  STATE_REBUILT("state-rebuilt-after-restart");

  private final String key;

  Invariant(String key) {
    this.key = key;
  }

  String key() {
    return key;
  }
}
