package io.predictivescaler.collector.cadvisor;

import io.predictivescaler.collector.source.InstantSample;
import io.predictivescaler.collector.source.MetricQuery;
import io.predictivescaler.collector.source.MetricSource;
import io.predictivescaler.collector.source.MetricSourceException;
import io.predictivescaler.collector.source.PromQlQuery;
import io.predictivescaler.collector.source.RangeSamples;
import io.predictivescaler.collector.source.ResourceQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the metrics-server source a history: instant readings come from it as before, ranges (the
 * collector's backfill at registration and after an outage) from Prometheus' cAdvisor series of the
 * same pods, in the same unit ({@link CadvisorUsageQuery}): those the target's controller names,
 * and its current pods by name ({@link CurrentPods}). metrics-server keeps no history, so without
 * this a restart leaves a {@code resource:} workload without a window until it has collected one
 * again.
 */
public final class CadvisorHistorySource implements MetricSource {

  private static final Logger LOG = LoggerFactory.getLogger(CadvisorHistorySource.class);

  private final MetricSource live;
  private final MetricSource prometheus;
  private final CurrentPods currentPods;
  private final Map<ResourceQuery, PromQlQuery> asked = new ConcurrentHashMap<>();

  /** Finds the target's pods by their naming pattern alone. */
  public CadvisorHistorySource(MetricSource live, MetricSource prometheus) {
    this(live, prometheus, CurrentPods.NONE);
  }

  /**
   * @param live the metrics-server source, closed with this one
   * @param prometheus where the cAdvisor series are read from; its owner closes it
   * @param currentPods the target's current pods, read before each range and added by name to its
   *     naming pattern; when they cannot be listed, the range is read with the pattern alone
   */
  public CadvisorHistorySource(
      MetricSource live, MetricSource prometheus, CurrentPods currentPods) {
    this.live = Objects.requireNonNull(live, "live");
    this.prometheus = Objects.requireNonNull(prometheus, "prometheus");
    this.currentPods = Objects.requireNonNull(currentPods, "currentPods");
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
    return podNames(resource)
        .thenCompose(
            pods -> {
              PromQlQuery usage = CadvisorUsageQuery.of(resource, step, pods);
              PromQlQuery previous = asked.put(resource, usage);
              if (previous != null && !previous.equals(usage)) {
                prometheus.release(previous); // the pods changed: the old query is asked no more
              }
              return prometheus.range(usage, from, to, step);
            });
  }

  private CompletionStage<List<String>> podNames(ResourceQuery target) {
    CompletionStage<List<String>> names;
    try {
      names = currentPods.names(target);
    } catch (RuntimeException e) {
      names = CompletableFuture.failedFuture(e);
    }
    return names.exceptionally(
        e -> {
          LOG.warn(
              "{}: its current pods could not be listed, so its history is read from the pods"
                  + " its controller's naming pattern matches only: {}",
              target.describe(),
              MetricSourceException.unwrap(e).toString());
          return List.of();
        });
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
