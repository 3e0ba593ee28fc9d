package io.predictivescaler.core.service;

import io.predictivescaler.collector.MetricSourceFactory;
import io.predictivescaler.collector.source.PromQlQuery;
import io.predictivescaler.collector.source.ResourceName;
import io.predictivescaler.collector.source.ResourceQuery;
import io.predictivescaler.collector.verticle.CollectorVerticle;
import io.predictivescaler.collector.verticle.SeriesSpec;
import io.predictivescaler.collector.verticle.TickEvent;
import io.predictivescaler.collector.window.RollingWindow;
import io.predictivescaler.collector.window.WindowSnapshot;
import io.predictivescaler.core.config.ConfigMapRef;
import io.predictivescaler.core.config.PolicySet;
import io.predictivescaler.core.config.PrometheusMetric;
import io.predictivescaler.core.config.ResourceMetric;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadKind;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the collector's series in line with the policies in force (one series per workload: its
 * PromQL query, confined to its ConfigMap's namespace, or its metrics-server resource) and a copy
 * of each series' newest window, refreshed after registration (the backfill) and on every collector
 * tick event. The tick reads those copies from memory.
 */
final class SeriesBinding implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SeriesBinding.class);

  private final Vertx vertx;
  private final CollectorVerticle collector;
  private final Set<String> sources;
  private final Consumer<TargetRef> onRemoved;
  private final Map<TargetRef, SeriesSpec> registered = new HashMap<>();
  private final Map<String, TargetRef> byId = new ConcurrentHashMap<>();
  private final Map<TargetRef, WindowSnapshot> windows = new ConcurrentHashMap<>();
  private Future<?> queue = Future.succeededFuture();
  private MessageConsumer<JsonObject> consumer;

  /**
   * @param sources the names of the metric sources the collector has
   * @param onRemoved called when a workload's series is dropped
   */
  SeriesBinding(
      Vertx vertx,
      CollectorVerticle collector,
      Set<String> sources,
      Consumer<TargetRef> onRemoved) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.collector = Objects.requireNonNull(collector, "collector");
    this.sources = Set.copyOf(sources);
    this.onRemoved = Objects.requireNonNull(onRemoved, "onRemoved");
  }

  void start() {
    consumer =
        vertx
            .eventBus()
            .consumer(
                CollectorVerticle.TICK_ADDRESS,
                message -> refresh(TickEvent.fromJson(message.body()).seriesId()));
  }

  /** Registers new workloads' series (with backfill), drops removed ones, re-registers changes. */
  synchronized void apply(PolicySet policies) {
    Map<TargetRef, SeriesSpec> wanted = new LinkedHashMap<>();
    for (WorkloadPolicy policy : policies.workloads().values()) {
      SeriesSpec spec = spec(policy, policies.source(policy.target()).orElseThrow());
      if (spec == null) {
        continue;
      }
      if (!sources.contains(spec.source())) {
        if (!spec.equals(registered.get(policy.target()))) {
          LOG.warn(
              "workload {} reads source {}, which is not configured; it gets no load data and"
                  + " will not scale down. Set --prometheus-url or use a resource metric.",
              policy.target(),
              spec.source());
        }
        continue;
      }
      wanted.put(policy.target(), spec);
    }
    for (var entry : Map.copyOf(registered).entrySet()) {
      SeriesSpec now = wanted.get(entry.getKey());
      if (!entry.getValue().equals(now)) {
        unregister(entry.getKey(), entry.getValue(), now == null);
      }
    }
    wanted.forEach(
        (target, spec) -> {
          if (!spec.equals(registered.get(target))) {
            register(target, spec);
          }
        });
  }

  /** The newest copy of the workload's window; empty before the first one. */
  Optional<WindowSnapshot> window(TargetRef target) {
    return Optional.ofNullable(windows.get(target));
  }

  @Override
  public void close() {
    if (consumer != null) {
      consumer.unregister();
    }
  }

  private void register(TargetRef target, SeriesSpec spec) {
    registered.put(target, spec);
    byId.put(spec.id(), target);
    queue =
        queue
            .transform(ignored -> collector.register(spec))
            .andThen(
                ar -> {
                  if (ar.failed()) {
                    LOG.warn("collecting {} failed: {}", target, ar.cause().toString());
                  } else if (ar.result().backfillError().isPresent()) {
                    LOG.info("collecting {} without backfill", target);
                  } else {
                    LOG.info(
                        "collecting {}: backfilled {} points",
                        target,
                        ar.result().backfilledPoints());
                  }
                  refresh(spec.id());
                });
  }

  private void unregister(TargetRef target, SeriesSpec spec, boolean removed) {
    registered.remove(target);
    byId.remove(spec.id());
    windows.remove(target);
    queue = queue.transform(ignored -> collector.unregister(spec.id()));
    if (removed) {
      onRemoved.accept(target);
    }
  }

  private void refresh(String seriesId) {
    if (!byId.containsKey(seriesId)) {
      return;
    }
    collector
        .snapshot(seriesId)
        .onSuccess(
            window -> {
              TargetRef target = byId.get(seriesId);
              if (target != null) {
                windows.put(target, window);
              }
            });
  }

  /**
   * The series of a workload: a PromQL query tagged with the namespace of the ConfigMap that
   * defines it, which the Prometheus source confines it to unless that namespace is trusted.
   */
  static SeriesSpec spec(WorkloadPolicy policy, ConfigMapRef source) {
    TargetRef target = policy.target();
    // Deployments keep the id they always had; other kinds name theirs, as a StatefulSet and a
    // Deployment may share a name
    String id =
        target.kind().equals(WorkloadKind.DEPLOYMENT)
            ? target.namespace() + "/" + target.name()
            : target.toString();
    Duration retention = policy.window().plus(RollingWindow.DEFAULT_FEATURE_LOOKBACK);
    if (policy.metric() instanceof PrometheusMetric prometheus) {
      return new SeriesSpec(
          id,
          MetricSourceFactory.PROMETHEUS,
          PromQlQuery.inNamespace(prometheus.query(), source.namespace()),
          policy.step(),
          retention);
    }
    if (policy.metric() instanceof ResourceMetric resource) {
      return new SeriesSpec(
          id,
          MetricSourceFactory.METRICS_SERVER,
          new ResourceQuery(
              target.namespace(),
              target.kind().apiVersion(),
              target.kind().kind(),
              target.name(),
              ResourceName.fromKey(resource.resource().yamlName())),
          policy.step(),
          retention);
    }
    return null;
  }
}
