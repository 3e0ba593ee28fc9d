package io.predictivescaler.core.service;

import io.predictivescaler.collector.MetricSourceFactory;
import io.predictivescaler.collector.source.MetricQuery;
import io.predictivescaler.collector.source.PromQlQuery;
import io.predictivescaler.collector.source.ResourceName;
import io.predictivescaler.collector.source.ResourceQuery;
import io.predictivescaler.collector.verticle.CollectorVerticle;
import io.predictivescaler.collector.verticle.SeriesSpec;
import io.predictivescaler.collector.verticle.TickEvent;
import io.predictivescaler.collector.window.RollingWindow;
import io.predictivescaler.collector.window.WindowSnapshot;
import io.predictivescaler.core.config.ConfigMapRef;
import io.predictivescaler.core.config.MetricSpec;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the collector's series in line with the policies in force (one series per metric of each
 * workload: its PromQL query, confined to its ConfigMap's namespace, or its metrics-server
 * resource) and a copy of each series' newest window, refreshed after registration (the backfill)
 * and on every collector tick event. The tick reads those copies from memory.
 */
final class SeriesBinding implements AutoCloseable {

  /** A workload's metric, by its index in the policy's metrics. */
  private record MetricKey(TargetRef target, int metric) {}

  private static final Logger LOG = LoggerFactory.getLogger(SeriesBinding.class);

  private final Vertx vertx;
  private final CollectorVerticle collector;
  private final Set<String> sources;
  private final Consumer<TargetRef> onRemoved;
  private final Map<MetricKey, SeriesSpec> registered = new HashMap<>();
  private final Map<String, MetricKey> byId = new ConcurrentHashMap<>();
  private final Map<MetricKey, WindowSnapshot> windows = new ConcurrentHashMap<>();
  private Future<?> queue = Future.succeededFuture();
  private MessageConsumer<JsonObject> consumer;

  /**
   * @param sources the names of the metric sources the collector has
   * @param onRemoved called when a workload's series are dropped, the workload gone
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
    Map<MetricKey, SeriesSpec> wanted = new LinkedHashMap<>();
    for (WorkloadPolicy policy : policies.workloads().values()) {
      List<SeriesSpec> specs = specs(policy, policies.source(policy.target()).orElseThrow());
      for (int i = 0; i < specs.size(); i++) {
        MetricKey key = new MetricKey(policy.target(), i);
        SeriesSpec spec = specs.get(i);
        if (!sources.contains(spec.source())) {
          if (!spec.equals(registered.get(key))) {
            LOG.warn(
                "workload {} reads source {}, which is not configured; that metric gets no load"
                    + " data and blocks scaling down. Set --prometheus-url or use a resource"
                    + " metric.",
                policy.target(),
                spec.source());
          }
          continue;
        }
        wanted.put(key, spec);
      }
    }
    Set<TargetRef> kept = new HashSet<>();
    wanted.keySet().forEach(key -> kept.add(key.target()));
    Set<TargetRef> dropped = new HashSet<>();
    for (var entry : Map.copyOf(registered).entrySet()) {
      SeriesSpec now = wanted.get(entry.getKey());
      if (!entry.getValue().equals(now)) {
        unregister(entry.getKey(), entry.getValue());
        if (!kept.contains(entry.getKey().target())) {
          dropped.add(entry.getKey().target());
        }
      }
    }
    dropped.forEach(onRemoved);
    wanted.forEach(
        (key, spec) -> {
          if (!spec.equals(registered.get(key))) {
            register(key, spec);
          }
        });
  }

  /**
   * The newest copy of the window of a workload's metric, by its index in the policy's metrics;
   * empty before the first one.
   */
  Optional<WindowSnapshot> window(TargetRef target, int metric) {
    return Optional.ofNullable(windows.get(new MetricKey(target, metric)));
  }

  /** Whether every series of the workload has handed over a window with samples. */
  synchronized boolean hasWindows(TargetRef target) {
    boolean any = false;
    for (var entry : registered.entrySet()) {
      if (entry.getKey().target().equals(target)) {
        WindowSnapshot window = windows.get(entry.getKey());
        if (window == null || window.isEmpty()) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  @Override
  public void close() {
    if (consumer != null) {
      consumer.unregister();
    }
  }

  private void register(MetricKey key, SeriesSpec spec) {
    registered.put(key, spec);
    byId.put(spec.id(), key);
    queue =
        queue
            .transform(ignored -> collector.register(spec))
            .andThen(
                ar -> {
                  if (ar.failed()) {
                    LOG.warn("collecting {} failed: {}", spec.id(), ar.cause().toString());
                  } else if (ar.result().backfillError().isPresent()) {
                    LOG.info("collecting {} without backfill", spec.id());
                  } else {
                    LOG.info(
                        "collecting {}: backfilled {} points",
                        spec.id(),
                        ar.result().backfilledPoints());
                  }
                  refresh(spec.id());
                });
  }

  private void unregister(MetricKey key, SeriesSpec spec) {
    registered.remove(key);
    byId.remove(spec.id());
    windows.remove(key);
    queue = queue.transform(ignored -> collector.unregister(spec.id()));
  }

  private void refresh(String seriesId) {
    if (!byId.containsKey(seriesId)) {
      return;
    }
    collector
        .snapshot(seriesId)
        .onSuccess(
            window -> {
              MetricKey key = byId.get(seriesId);
              if (key != null) {
                windows.put(key, window);
              }
            });
  }

  /**
   * The series of a workload, one per metric in the policy's order: a PromQL query tagged with the
   * namespace of the ConfigMap that defines it, which the Prometheus source confines it to unless
   * that namespace is trusted, or a metrics-server resource of the target's pods. The first
   * metric's series keeps the workload's id; the others add their index.
   */
  static List<SeriesSpec> specs(WorkloadPolicy policy, ConfigMapRef source) {
    TargetRef target = policy.target();
    // Deployments keep the id they always had; other kinds name theirs, as a StatefulSet and a
    // Deployment may share a name
    String id =
        target.kind().equals(WorkloadKind.DEPLOYMENT)
            ? target.namespace() + "/" + target.name()
            : target.toString();
    Duration retention = policy.window().plus(RollingWindow.DEFAULT_FEATURE_LOOKBACK);
    List<SeriesSpec> specs = new ArrayList<>();
    for (int i = 0; i < policy.metrics().size(); i++) {
      String seriesId = i == 0 ? id : id + "/metrics[" + i + "]";
      specs.add(
          new SeriesSpec(
              seriesId,
              sourceName(policy.metrics().get(i)),
              query(policy, i, source),
              policy.step(),
              retention));
    }
    return specs;
  }

  private static String sourceName(MetricSpec metric) {
    return metric instanceof PrometheusMetric
        ? MetricSourceFactory.PROMETHEUS
        : MetricSourceFactory.METRICS_SERVER;
  }

  private static MetricQuery query(WorkloadPolicy policy, int i, ConfigMapRef source) {
    MetricSpec metric = policy.metrics().get(i);
    if (metric instanceof PrometheusMetric prometheus) {
      return PromQlQuery.inNamespace(prometheus.query(), source.namespace());
    }
    ResourceMetric resource = (ResourceMetric) metric;
    TargetRef target = policy.target();
    return new ResourceQuery(
        target.namespace(),
        target.kind().apiVersion(),
        target.kind().kind(),
        target.name(),
        ResourceName.fromKey(resource.resource().yamlName()));
  }
}
