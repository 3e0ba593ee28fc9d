package io.predictivescaler.core.service;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.predictivescaler.collector.MetricSourceFactory;
import io.predictivescaler.collector.cadvisor.CadvisorHistorySource;
import io.predictivescaler.collector.metricsserver.MetricsServerSource;
import io.predictivescaler.collector.metricsserver.WorkloadResourceMetrics;
import io.predictivescaler.collector.resilience.ResilienceOptions;
import io.predictivescaler.collector.source.MetricSource;
import io.predictivescaler.core.config.ResourceName;
import io.predictivescaler.core.config.TargetRef;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The collector's metric sources by name: {@code metrics-server} always, {@code prometheus} when a
 * URL is configured, each replaceable (tests). With a Prometheus, the metrics-server source
 * backfills from its cAdvisor series ({@link CadvisorHistorySource}), of the pods the target's
 * controller names and of those its selector matches now. All are built by the collector's {@link
 * MetricSourceFactory}, each wrapped in Resilience4j's time limiter, circuit breakers and retry,
 * whose meters go to the one registry.
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
    MetricSourceFactory factory = new MetricSourceFactory(vertx, () -> client, scheduler, registry);
    ResilienceOptions resilience = ResilienceOptions.defaults();
    MetricsServerSource pods = factory.metricsServer(MetricSourceFactory.METRICS_SERVER);
    resourceUsage = new ResourceUsageSource(pods);
    overrides.forEach((name, source) -> byName.put(name, factory.resilient(source, resilience)));
    if (config.hasPrometheus()) {
      byName.computeIfAbsent(
          MetricSourceFactory.PROMETHEUS,
          name ->
              factory.create(MetricSourceFactory.PROMETHEUS, name, prometheus(config), resilience));
    }
    MetricSource metricsServer =
        byName.computeIfAbsent(
            MetricSourceFactory.METRICS_SERVER,
            name -> factory.resilient(resourceUsage, resilience));
    MetricSource prometheus = byName.get(MetricSourceFactory.PROMETHEUS);
    if (prometheus != null) {
      byName.put(
          MetricSourceFactory.METRICS_SERVER,
          new CadvisorHistorySource(metricsServer, prometheus, pods::podNames));
    }
  }

  /** The wrapped sources by name, for the collector. */
  Map<String, MetricSource> all() {
    return Map.copyOf(byName);
  }

  /** The newest metrics-server grouping of a workload's pods for {@code resource}. */
  Optional<WorkloadResourceMetrics> resources(TargetRef target, ResourceName resource) {
    return resourceUsage.latest(target, resource);
  }

  void forget(TargetRef target) {
    resourceUsage.forget(target);
  }

  void close() {
    byName.values().forEach(MetricSource::close);
  }

  /** The service's Prometheus flags as the factory's source settings. */
  static Map<String, String> prometheus(ServiceConfig config) {
    Map<String, String> settings = new HashMap<>();
    settings.put("url", config.prometheusUrl().toString());
    if (config.prometheusBearerTokenFile() != null) {
      settings.put("bearerTokenFile", config.prometheusBearerTokenFile().toString());
    }
    if (config.prometheusUsername() != null) {
      settings.put("username", config.prometheusUsername());
      settings.put("passwordFile", config.prometheusPasswordFile().toString());
    }
    if (config.prometheusCaFile() != null) {
      settings.put("caFile", config.prometheusCaFile().toString());
    }
    if (!config.prometheusTrustedNamespaces().isEmpty()) {
      settings.put(
          "trustedNamespaces",
          String.join(",", new TreeSet<>(config.prometheusTrustedNamespaces())));
    }
    return settings;
  }
}
