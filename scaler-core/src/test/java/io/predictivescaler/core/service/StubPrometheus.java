package io.predictivescaler.core.service;

import io.predictivescaler.collector.MetricSourceFactory;
import io.predictivescaler.collector.source.InstantSample;
import io.predictivescaler.collector.source.MetricQuery;
import io.predictivescaler.collector.source.MetricSource;
import io.predictivescaler.collector.source.PromQlQuery;
import io.predictivescaler.collector.source.RangeSamples;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * Stands in for Prometheus: each query, as its policy wrote it, answers a load function of time
 * that the test sets, both for instant queries and for the range queries of the backfill. NaN means
 * no data. A stand-in for the source, so the namespace confinement of {@code PrometheusSource} does
 * not run here (TenantQueryConfinementIT asks a real source over HTTP).
 */
final class StubPrometheus implements MetricSource {

  private final Map<String, ToDoubleFunction<Instant>> loads = new ConcurrentHashMap<>();

  void load(String query, ToDoubleFunction<Instant> load) {
    loads.put(query, load);
  }

  @Override
  public String name() {
    return MetricSourceFactory.PROMETHEUS;
  }

  @Override
  public CompletionStage<InstantSample> instant(MetricQuery query, Instant at) {
    double value = value(query, at);
    return CompletableFuture.completedFuture(
        Double.isNaN(value) ? InstantSample.empty(at, List.of()) : InstantSample.of(at, value));
  }

  @Override
  public boolean supportsRange() {
    return true;
  }

  @Override
  public CompletionStage<RangeSamples> range(
      MetricQuery query, Instant from, Instant to, Duration step) {
    int n = (int) (Duration.between(from, to).toMillis() / step.toMillis()) + 1;
    long[] times = new long[n];
    double[] values = new double[n];
    int kept = 0;
    for (int i = 0; i < n; i++) {
      Instant t = from.plus(step.multipliedBy(i));
      double value = value(query, t);
      if (!Double.isNaN(value)) {
        times[kept] = t.toEpochMilli();
        values[kept++] = value;
      }
    }
    return CompletableFuture.completedFuture(
        new RangeSamples(Arrays.copyOf(times, kept), Arrays.copyOf(values, kept), List.of()));
  }

  private double value(MetricQuery query, Instant at) {
    String key = query instanceof PromQlQuery promQl ? promQl.expression() : query.describe();
    ToDoubleFunction<Instant> load = loads.get(key);
    return load == null ? Double.NaN : load.applyAsDouble(at);
  }
}
