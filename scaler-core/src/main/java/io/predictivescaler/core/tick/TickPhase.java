package io.predictivescaler.core.tick;

/**
 * Where a workload's tick is: named in the skip message and log line when the tick runs out of
 * time, so that the slow part (the metrics read, the forecaster, an API call) is known.
 */
public enum TickPhase {
  /** Dispatched, waiting for a free tick worker. */
  WAITING("waiting for a free tick worker"),
  /** Reading replicas, the load window and the metrics-server grouping. */
  OBSERVE("observing (replicas, load window, metrics-server)"),
  /** Lead time, forecast (a due refit is only handed over) and the calibrated peak band. */
  FORECAST("forecasting"),
  /** The decision pipeline and the shadow HPA. */
  DECIDE("deciding"),
  /** Writing the change through the workload's actuator. */
  ACTUATE("actuating (Kubernetes API)"),
  /** Handing the outcome to Events, logs and meters. */
  RECORD("recording (Events, logs, meters)");

  private final String activity;

  TickPhase(String activity) {
    this.activity = activity;
  }

  /** What the tick is doing in this phase, for humans: {@code observing (...)}. */
  public String activity() {
    return activity;
  }
}
