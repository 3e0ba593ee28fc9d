package io.predictivescaler.collector.verticle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.predictivescaler.collector.source.FailureKind;
import io.predictivescaler.collector.window.AppendOutcome;
import java.time.Duration;

/**
 * The collector's meters, tagged by source (and reason or kind), named under the service's prefix
 * ({@code predictive_scaler_collector_*} on {@code /metrics}). Series ids are not tags: the number
 * of sources and reasons is bounded, the number of series is not.
 */
final class CollectorMetrics {

  static final String PREFIX = "predictive.scaler.collector.";
  static final String INGESTED = PREFIX + "samples.ingested";
  static final String DROPPED = PREFIX + "samples.dropped";
  static final String GAPS = PREFIX + "gaps";
  static final String LATENCY = PREFIX + "query.latency";
  static final String FAILURES = PREFIX + "source.failures";
  static final String BACKFILLED = PREFIX + "backfilled.points";

  private final MeterRegistry registry;

  CollectorMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  MeterRegistry registry() {
    return registry;
  }

  void ingested(String source) {
    Counter.builder(INGESTED)
        .description("Samples accepted into a rolling window")
        .tag("source", source)
        .register(registry)
        .increment();
  }

  void dropped(String source, AppendOutcome outcome) {
    Counter.builder(DROPPED)
        .description("Samples refused by a rolling window, by reason")
        .tag("source", source)
        .tag("reason", outcome.reason())
        .register(registry)
        .increment();
  }

  void gap(String source, GapReason reason) {
    Counter.builder(GAPS)
        .description("Ticks that recorded a gap, by reason")
        .tag("source", source)
        .tag("reason", reason.name().toLowerCase(java.util.Locale.ROOT))
        .register(registry)
        .increment();
  }

  void failure(String source, FailureKind kind) {
    Counter.builder(FAILURES)
        .description("Failed source calls, by kind")
        .tag("source", source)
        .tag("kind", kind.tag())
        .register(registry)
        .increment();
  }

  void backfilled(String source, long points) {
    Counter.builder(BACKFILLED)
        .description("Points written into windows from range queries")
        .tag("source", source)
        .register(registry)
        .increment(points);
  }

  Timer latency(String source, String operation) {
    return Timer.builder(LATENCY)
        .description("Source call latency, retries included")
        .tag("source", source)
        .tag("operation", operation)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(60))
        .register(registry);
  }
}
