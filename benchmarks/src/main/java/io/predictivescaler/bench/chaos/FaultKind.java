package io.predictivescaler.bench.chaos;

/** Every fault the chaos run injects; {@link #key()} names it in {@code chaos.json}. */
enum FaultKind {
  PROMETHEUS_DOWN("prometheus-down"),
  PROMETHEUS_SLOW("prometheus-slow"),
  PROMETHEUS_GARBAGE("prometheus-garbage"),
  PROMETHEUS_HUGE("prometheus-huge"),
  METRICS_SERVER_ABSENT("metrics-server-absent"),
  API_CONFLICT("api-409"),
  API_FORBIDDEN("api-403"),
  API_SERVER_ERROR("api-5xx"),
  API_TIMEOUT("api-timeout"),
  LEASE_LOST_MID_ACTUATION("lease-lost-mid-actuation"),
  SECOND_CANDIDATE("second-candidate"),
  CLOCK_STEP_FORWARD("clock-step-forward"),
  CLOCK_STEP_BACK("clock-step-back"),
  CONFIGMAP_CHURN("configmap-churn"),
  CONFIGMAP_INVALID("configmap-invalid"),
  CONFIGMAP_HOSTILE("configmap-hostile"),
  DEPLOYMENT_RECREATED("deployment-deleted-recreated"),
  OTHER_WRITER("other-writer"),
  PROCESS_RESTART("process-restart"),
  HPA_FLOOR_RELEASED("hpa-floor-released");

  private final String key;

  FaultKind(String key) {
    this.key = key;
  }

  String key() {
    return key;
  }

  /** The kind named {@code key}; rejects an unknown name listing the known ones. */
  static FaultKind of(String key) {
    for (FaultKind kind : values()) {
      if (kind.key.equals(key.trim())) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "--faults: unknown fault kind '"
            + key
            + "', known: "
            + java.util.Arrays.stream(values()).map(FaultKind::key).toList());
  }
}
