package io.predictivescaler.collector;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.predictivescaler.collector.metricsserver.MetricsServerSource;
import io.predictivescaler.collector.prometheus.PrometheusOptions;
import io.predictivescaler.collector.prometheus.PrometheusSource;
import io.predictivescaler.collector.resilience.ResilienceOptions;
import io.predictivescaler.collector.resilience.ResilientMetricSource;
import io.predictivescaler.collector.source.MetricSource;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * The one place a source config {@code type} becomes a {@link
 * io.predictivescaler.collector.source.MetricSource}: {@code prometheus} or {@code metrics-server},
 * each wrapped in {@link ResilientMetricSource}.
 */
public final class MetricSourceFactory {

  public static final String PROMETHEUS = "prometheus";
  public static final String METRICS_SERVER = "metrics-server";

  private static final Set<String> PROMETHEUS_KEYS =
      Set.of("url", "bearerTokenFile", "username", "password", "caFile", "timeout");

  private final Vertx vertx;
  private final Supplier<KubernetesClient> kubernetes;
  private final ScheduledExecutorService scheduler;
  private final MeterRegistry registry;

  /**
   * @param kubernetes called only when a metrics-server source is created
   * @param scheduler runs Resilience4j's timeouts and retry delays
   */
  public MetricSourceFactory(
      Vertx vertx,
      Supplier<KubernetesClient> kubernetes,
      ScheduledExecutorService scheduler,
      MeterRegistry registry) {
    this.vertx = vertx;
    this.kubernetes = kubernetes;
    this.scheduler = scheduler;
    this.registry = registry;
  }

  /**
   * Builds a source from its config. Prometheus settings: {@code url} (required), {@code
   * bearerTokenFile}, {@code username} + {@code password}, {@code caFile}, {@code timeout}
   * (ISO-8601 or e.g. {@code 5s}), and {@code header.NAME} for extra headers.
   */
  public MetricSource create(
      String type, String name, Map<String, String> settings, ResilienceOptions resilience) {
    MetricSource raw =
        switch (type) {
          case PROMETHEUS -> new PrometheusSource(vertx, prometheusOptions(name, settings));
          case METRICS_SERVER -> new MetricsServerSource(name, kubernetes.get(), workerExecutor());
          default ->
              throw new IllegalArgumentException(
                  "sources."
                      + name
                      + ".type: must be one of ["
                      + PROMETHEUS
                      + ", "
                      + METRICS_SERVER
                      + "], got "
                      + type);
        };
    return new ResilientMetricSource(raw, resilience, scheduler, registry);
  }

  public MetricSource prometheus(PrometheusOptions options, ResilienceOptions resilience) {
    return new ResilientMetricSource(
        new PrometheusSource(vertx, options), resilience, scheduler, registry);
  }

  /** Runs blocking fabric8 calls on Vert.x worker threads, never on an event loop. */
  private Executor workerExecutor() {
    return command ->
        vertx.executeBlocking(
            () -> {
              command.run();
              return null;
            },
            false);
  }

  static PrometheusOptions prometheusOptions(String name, Map<String, String> settings) {
    String prefix = "sources." + name + ".";
    for (String key : settings.keySet()) {
      if (!PROMETHEUS_KEYS.contains(key) && !key.startsWith("header.")) {
        throw new IllegalArgumentException(
            prefix + key + ": unknown setting; known: " + PROMETHEUS_KEYS + " and header.NAME");
      }
    }
    String url = settings.get("url");
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException(prefix + "url: required");
    }
    PrometheusOptions options;
    try {
      options = PrometheusOptions.of(URI.create(url)).withName(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(prefix + "url: " + e.getMessage(), e);
    }
    if (settings.containsKey("bearerTokenFile")) {
      options = options.withBearerTokenFile(Path.of(settings.get("bearerTokenFile")));
    }
    if (settings.containsKey("username")) {
      options =
          options.withBasicAuth(settings.get("username"), settings.getOrDefault("password", ""));
    }
    if (settings.containsKey("caFile")) {
      options = options.withCaFile(Path.of(settings.get("caFile")));
    }
    if (settings.containsKey("timeout")) {
      options = options.withRequestTimeout(duration(prefix + "timeout", settings.get("timeout")));
    }
    Map<String, String> headers = new HashMap<>();
    settings.forEach(
        (k, v) -> {
          if (k.startsWith("header.")) {
            headers.put(k.substring("header.".length()), v);
          }
        });
    return options.withHeaders(headers);
  }

  private static Duration duration(String field, String text) {
    try {
      return text.startsWith("P") || text.startsWith("p")
          ? Duration.parse(text)
          : Duration.parse("PT" + text.toUpperCase(java.util.Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + ": not a duration (e.g. 5s), got " + text, e);
    }
  }
}
