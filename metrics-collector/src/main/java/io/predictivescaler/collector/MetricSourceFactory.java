package io.predictivescaler.collector;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.predictivescaler.collector.metricsserver.MetricsServerSource;
import io.predictivescaler.collector.prometheus.PrometheusOptions;
import io.predictivescaler.collector.prometheus.PrometheusSource;
import io.predictivescaler.collector.prometheus.UrlRedaction;
import io.predictivescaler.collector.resilience.ResilienceOptions;
import io.predictivescaler.collector.resilience.ResilientMetricSource;
import io.predictivescaler.collector.source.MetricSource;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The one place a source config {@code type} becomes a {@link
 * io.predictivescaler.collector.source.MetricSource}: {@code prometheus} or {@code metrics-server},
 * each wrapped in {@link ResilientMetricSource}.
 */
public final class MetricSourceFactory {

  public static final String PROMETHEUS = "prometheus";
  public static final String METRICS_SERVER = "metrics-server";

  private static final Set<String> PROMETHEUS_KEYS =
      Set.of(
          "url",
          "bearerTokenFile",
          "username",
          "password",
          "passwordFile",
          "caFile",
          "timeout",
          "maxResponseBytes",
          "trustedNamespaces");

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
   * bearerTokenFile}, {@code username} + {@code password} or {@code passwordFile} (re-read when it
   * changes), {@code caFile}, {@code timeout} (ISO-8601 or e.g. {@code 5s}), {@code
   * maxResponseBytes}, {@code trustedNamespaces} (comma-separated) and {@code header.NAME} for
   * extra headers.
   */
  public MetricSource create(
      String type, String name, Map<String, String> settings, ResilienceOptions resilience) {
    MetricSource raw =
        switch (type) {
          case PROMETHEUS -> new PrometheusSource(vertx, prometheusOptions(name, settings));
          case METRICS_SERVER -> metricsServer(name);
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
    return resilient(raw, resilience);
  }

  public MetricSource prometheus(PrometheusOptions options, ResilienceOptions resilience) {
    return resilient(new PrometheusSource(vertx, options), resilience);
  }

  /**
   * The raw metrics-server source (fabric8 calls on Vert.x worker threads), for callers that
   * decorate it before {@link #resilient}.
   */
  public MetricsServerSource metricsServer(String name) {
    return new MetricsServerSource(name, kubernetes.get(), workerExecutor());
  }

  /** Wraps any source (a decorated one, a test double) in time limiter, breakers and retry. */
  public MetricSource resilient(MetricSource raw, ResilienceOptions resilience) {
    return new ResilientMetricSource(raw, resilience, scheduler, registry);
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
      throw new IllegalArgumentException(prefix + "url: " + UrlRedaction.redact(e.getMessage()), e);
    }
    if (settings.containsKey("bearerTokenFile")) {
      options = options.withBearerTokenFile(Path.of(settings.get("bearerTokenFile")));
    }
    if (settings.containsKey("username")) {
      String user = settings.get("username");
      options =
          settings.containsKey("passwordFile")
              ? options.withBasicAuthPasswordFile(user, Path.of(settings.get("passwordFile")))
              : options.withBasicAuth(user, settings.getOrDefault("password", ""));
    } else if (settings.containsKey("password") || settings.containsKey("passwordFile")) {
      throw new IllegalArgumentException(prefix + "username: required with a password");
    }
    if (settings.containsKey("caFile")) {
      options = options.withCaFile(Path.of(settings.get("caFile")));
    }
    if (settings.containsKey("timeout")) {
      options = options.withRequestTimeout(duration(prefix + "timeout", settings.get("timeout")));
    }
    if (settings.containsKey("maxResponseBytes")) {
      options =
          options.withMaxResponseBytes(
              bytes(prefix + "maxResponseBytes", settings.get("maxResponseBytes")));
    }
    if (settings.containsKey("trustedNamespaces")) {
      options =
          options.withTrustedNamespaces(
              Arrays.stream(settings.get("trustedNamespaces").split(","))
                  .map(String::strip)
                  .filter(ns -> !ns.isEmpty())
                  .collect(Collectors.toSet()));
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

  private static long bytes(String field, String text) {
    try {
      long bytes = Long.parseLong(text.strip());
      if (bytes < PrometheusOptions.MIN_RESPONSE_BYTES) {
        throw new IllegalArgumentException(
            field + ": must be >= " + PrometheusOptions.MIN_RESPONSE_BYTES + ", got " + text);
      }
      return bytes;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + ": not a number of bytes, got " + text, e);
    }
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
