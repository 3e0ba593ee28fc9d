package io.predictivescaler.core.service;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.predictivescaler.collector.MetricSourceFactory;
import io.predictivescaler.collector.metricsserver.MetricsServerSource;
import io.predictivescaler.collector.metricsserver.WorkloadResourceMetrics;
import io.predictivescaler.collector.prometheus.PrometheusOptions;
import io.predictivescaler.collector.prometheus.PrometheusSource;
import io.predictivescaler.collector.resilience.ResilienceOptions;
import io.predictivescaler.collector.resilience.ResilientMetricSource;
import io.predictivescaler.collector.source.MetricSource;
import io.predictivescaler.core.config.TargetRef;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The collector's metric sources by name: {@code metrics-server} always, {@code prometheus} when a
 * URL is configured, each replaceable (tests) and each wrapped in Resilience4j's time limiter,
 * circuit breaker and retry, whose meters go to the one registry.
 */
final class MetricSources {

  private final Map<String, MetricSource> byName = new HashMap<>();
  private final ResourceUsageSource resourceUsage;

  MetricSources(
      ServiceConfig config,
      Map<String, MetricSource> overrides,
      Vertx vertx,
      KubernetesClient client,
      ScheduledExecutorService scheduler,
      MeterRegistry registry) {
    resourceUsage =
        new ResourceUsageSource(
            new MetricsServerSource(
                MetricSourceFactory.METRICS_SERVER, client, workerExecutor(vertx)));
    Map<String, MetricSource> raw = new HashMap<>();
    raw.put(MetricSourceFactory.METRICS_SERVER, resourceUsage);
    if (config.hasPrometheus()) {
      raw.put(MetricSourceFactory.PROMETHEUS, new PrometheusSource(vertx, prometheus(config)));
    }
    raw.putAll(overrides);
    raw.forEach(
        (name, source) ->
            byName.put(
                name,
                new ResilientMetricSource(
                    source, ResilienceOptions.defaults(), scheduler, registry)));
  }

  /** The wrapped sources by name, for the collector. */
  Map<String, MetricSource> all() {
    return Map.copyOf(byName);
  }

  /** The newest metrics-server grouping of a workload's pods. */
  Optional<WorkloadResourceMetrics> resources(TargetRef target) {
    return resourceUsage.latest(target);
  }

  void forget(TargetRef target) {
    resourceUsage.forget(target);
  }

  void close() {
    byName.values().forEach(MetricSource::close);
  }

  static PrometheusOptions prometheus(ServiceConfig config) {
    PrometheusOptions options =
        PrometheusOptions.of(config.prometheusUrl()).withName(MetricSourceFactory.PROMETHEUS);
    if (config.prometheusBearerTokenFile() != null) {
      options = options.withBearerTokenFile(config.prometheusBearerTokenFile());
    }
    if (config.prometheusUsername() != null) {
      try {
        String password = Files.readString(config.prometheusPasswordFile()).strip();
        options = options.withBasicAuth(config.prometheusUsername(), password);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "reading the Prometheus password file " + config.prometheusPasswordFile(), e);
      }
    }
    if (config.prometheusCaFile() != null) {
      options = options.withCaFile(config.prometheusCaFile());
    }
    return options;
  }

  /** Runs blocking fabric8 calls on Vert.x worker threads, never on an event loop. */
  private static Executor workerExecutor(Vertx vertx) {
    return command ->
        vertx.executeBlocking(
            () -> {
              command.run();
              return null;
            },
            false);
  }
}
