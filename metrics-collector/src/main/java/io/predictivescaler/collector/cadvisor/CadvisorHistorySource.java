package io.predictivescaler.collector.cadvisor;

import io.predictivescaler.collector.source.InstantSample;
import io.predictivescaler.collector.source.MetricQuery;
import io.predictivescaler.collector.source.MetricSource;
import io.predictivescaler.collector.source.PromQlQuery;
import io.predictivescaler.collector.source.RangeSamples;
import io.predictivescaler.collector.source.ResourceQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives the metrics-server source a history: instant readings come from it as before, ranges (the
 * collector's backfill at registration and after an outage) from Prometheus' cAdvisor series of the
 * same pods, in the same unit ({@link CadvisorUsageQuery}). metrics-server keeps no history, so
 * without this a restart leaves a {@code resource:} workload without a window until it has
 * collected one again.
 */
public final class CadvisorHistorySource implements MetricSource {

  private final MetricSource live;
  private final MetricSource prometheus;
  private final Map<ResourceQuery, PromQlQuery> asked = new ConcurrentHashMap<>();

  /**
   * @param live the metrics-server source, closed with this one
   * @param prometheus where the cAdvisor series are read from; its owner closes it
   */
  public CadvisorHistorySource(MetricSource live, MetricSource prometheus) {
    this.live = Objects.requireNonNull(live, "live");
    this.prometheus = Objects.requireNonNull(prometheus, "prometheus");
  }

  @Override
  public String name() {
    return live.name();
  }

  @Override
  public CompletionStage<InstantSample> instant(MetricQuery query, Instant at) {
    return live.instant(query, at);
  }

  @Override
  public boolean supportsRange() {
    return true;
  }

  @Override
  public CompletionStage<RangeSamples> range(
      MetricQuery query, Instant from, Instant to, Duration step) {
    if (!(query instanceof ResourceQuery resource)) {
      return live.range(query, from, to, step);
    }
    PromQlQuery usage = CadvisorUsageQuery.of(resource, step);
    asked.put(resource, usage);
    return prometheus.range(usage, from, to, step);
  }

  @Override
  public void release(MetricQuery query) {
    live.release(query);
    PromQlQuery usage = query instanceof ResourceQuery resource ? asked.remove(resource) : null;
    if (usage != null) {
      prometheus.release(usage);
    }
  }

  @Override
  public void close() {
    live.close();
  }
}
