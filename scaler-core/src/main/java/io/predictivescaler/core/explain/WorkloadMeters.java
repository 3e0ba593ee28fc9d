package io.predictivescaler.core.explain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.predictivescaler.core.config.TargetRef;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The per-workload meters, tagged {@code namespace} and {@code workload}. Gauges read the last
 * recorded decision; values that were missing read as NaN (Prometheus shows them as NaN). The
 * paused gauge asks at each scrape whether the workload carries the pause annotation now.
 */
final class WorkloadMeters {

  static final String PREFIX = "predictive.scaler.";

  private final MeterRegistry registry;
  private final Tags tags;
  private final TargetRef workload;
  private final Predicate<TargetRef> paused;
  private final List<Meter> meters = new CopyOnWriteArrayList<>();
  private final Map<String, Counter> decisionsByReason = new ConcurrentHashMap<>();
  private final Counter actuationFailures;
  private final Counter recordingFailures;

  private volatile double currentReplicas = Double.NaN;
  private volatile double desiredReplicas = Double.NaN;
  private volatile double observedLoad = Double.NaN;
  private volatile double forecast = Double.NaN;
  private volatile double forecastUpper = Double.NaN;
  private volatile double forecastError = Double.NaN;
  private volatile double shadowHpaReplicas = Double.NaN;
  private volatile double trusted = Double.NaN;

  WorkloadMeters(MeterRegistry registry, TargetRef workload, Predicate<TargetRef> paused) {
    this.registry = registry;
    this.workload = workload;
    this.paused = paused;
    this.tags = Tags.of("namespace", workload.namespace(), "workload", workload.name());
    gauge("replicas.current", "Replicas when the last decision was made", m -> m.currentReplicas);
    gauge("replicas.desired", "Replicas the last decision asked for", m -> m.desiredReplicas);
    gauge("load.observed", "Load observed at the last tick", m -> m.observedLoad);
    gauge("forecast.load", "Point forecast of the load at now + horizon", m -> m.forecast);
    gauge(
        "forecast.load.upper",
        "Upper band of the load forecast at now + horizon",
        m -> m.forecastUpper);
    gauge(
        "forecast.error",
        "Absolute error of the forecast made one horizon ago for now",
        m -> m.forecastError);
    gauge(
        "shadow.hpa.replicas",
        "Replicas a plain HPA would choose on the same inputs",
        m -> m.shadowHpaReplicas);
    gauge("forecast.trusted", "1 when the forecast is trusted, 0 when not", m -> m.trusted);
    gauge(
        "workload.paused",
        "1 while the workload is annotated predictive-scaler.io/paused=true, 0 otherwise",
        m -> m.paused.test(m.workload) ? 1 : 0);
    actuationFailures =
        register(
            Counter.builder(PREFIX + "actuation.failures")
                .description("Actuations that failed after retries")
                .tags(tags)
                .register(registry));
    recordingFailures =
        register(
            Counter.builder(PREFIX + "recording.failures")
                .description("Events that could not be written")
                .tags(tags)
                .register(registry));
  }

  void update(DecisionRecord decision) {
    currentReplicas = decision.fromReplicas();
    desiredReplicas = decision.toReplicas();
    observedLoad = decision.observedLoad();
    forecast = orNaN(decision.forecastAtHorizon());
    forecastUpper = orNaN(decision.upperAtHorizon());
    forecastError = orNaN(decision.forecastError());
    shadowHpaReplicas = decision.shadowHpaReplicas();
    trusted = decision.trusted() ? 1 : 0;
    decisionsByReason
        .computeIfAbsent(
            decision.reason().code(),
            reason ->
                register(
                    Counter.builder(PREFIX + "decisions")
                        .description("Decisions made, by reason code")
                        .tags(tags.and("reason", reason))
                        .register(registry)))
        .increment();
  }

  void actuationFailed() {
    actuationFailures.increment();
  }

  void recordingFailed() {
    recordingFailures.increment();
  }

  /** Removes every meter of this workload from the registry. */
  void remove() {
    meters.forEach(registry::remove);
    meters.clear();
  }

  private void gauge(String name, String description, ToDoubleFunction<WorkloadMeters> value) {
    register(
        Gauge.builder(PREFIX + name, this, value)
            .description(description)
            .tags(tags)
            .register(registry));
  }

  private <M extends Meter> M register(M meter) {
    meters.add(meter);
    return meter;
  }

  private static double orNaN(Double value) {
    return value == null ? Double.NaN : value;
  }
}
