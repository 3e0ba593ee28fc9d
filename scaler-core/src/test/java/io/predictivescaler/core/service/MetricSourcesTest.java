package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.predictivescaler.collector.cadvisor.CadvisorHistorySource;
import io.predictivescaler.collector.resilience.ResilientMetricSource;
import io.predictivescaler.collector.source.MetricSource;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricSourcesTest {

  private final Vertx vertx = Vertx.vertx();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
    vertx.close().await();
  }

  private static ServiceConfig config(URI prometheus, String user, Path passwordFile, Path ca) {
    return config(prometheus, user, passwordFile, ca, Set.of());
  }

  private static ServiceConfig config(
      URI prometheus, String user, Path passwordFile, Path ca, Set<String> trusted) {
    return new ServiceConfig(
        prometheus,
        null,
        user,
        passwordFile,
        ca,
        trusted,
        List.of(),
        ServiceConfig.DEFAULT_HTTP_PORT,
        OpsAuthMode.KUBERNETES,
        ServiceConfig.DEFAULT_OPS_BIND_ADDRESS,
        LogFormat.TEXT,
        LogLevel.INFO,
        null,
        ServiceConfig.DEFAULT_LEASE_NAME,
        "ops",
        "pod-0",
        TickSettings.defaults(),
        null);
  }

  @Test
  void handsThePrometheusFlagsToTheFactoryWithThePasswordAsAFile() {
    ServiceConfig config =
        config(
            URI.create("https://prom:9090"),
            "ops",
            Path.of("/etc/prom/password"),
            Path.of("/etc/prom/ca.pem"));

    assertThat(MetricSources.prometheus(config))
        .containsOnly(
            entry("url", "https://prom:9090"),
            entry("username", "ops"),
            entry("passwordFile", "/etc/prom/password"),
            entry("caFile", "/etc/prom/ca.pem"));
  }

  @Test
  void handsTheTrustedNamespacesToTheFactory() {
    ServiceConfig config =
        config(URI.create("http://prom:9090"), null, null, null, Set.of("ops", "monitoring"));

    assertThat(MetricSources.prometheus(config))
        .containsOnly(
            entry("url", "http://prom:9090"), entry("trustedNamespaces", "monitoring,ops"));
  }

  @Test
  void buildsBothSourcesThroughTheFactoryEachWrapped() {
    MetricSources sources =
        new MetricSources(
            config(URI.create("http://prom:9090"), null, null, null),
            java.util.Map.of(),
            vertx,
            null,
            scheduler,
            new SimpleMeterRegistry());

    assertThat(sources.all()).containsOnlyKeys("metrics-server", "prometheus");
    assertThat(sources.all().get("prometheus")).isInstanceOf(ResilientMetricSource.class);
    assertThat(sources.all().values())
        .extracting(MetricSource::name)
        .containsExactlyInAnyOrder("metrics-server", "prometheus");
    sources.close();
  }

  @Test
  void withAPrometheusTheMetricsServerSourceBackfillsFromCadvisor() {
    MetricSources sources =
        new MetricSources(
            config(URI.create("http://prom:9090"), null, null, null),
            java.util.Map.of(),
            vertx,
            null,
            scheduler,
            new SimpleMeterRegistry());

    MetricSource metricsServer = sources.all().get("metrics-server");

    assertThat(metricsServer).isInstanceOf(CadvisorHistorySource.class);
    assertThat(metricsServer.supportsRange()).isTrue();
    sources.close();
  }

  @Test
  void withoutAPrometheusTheMetricsServerSourceHasNoHistory() {
    MetricSources sources =
        new MetricSources(
            config(null, null, null, null),
            java.util.Map.of(),
            vertx,
            null,
            scheduler,
            new SimpleMeterRegistry());

    MetricSource metricsServer = sources.all().get("metrics-server");

    assertThat(sources.all()).containsOnlyKeys("metrics-server");
    assertThat(metricsServer).isInstanceOf(ResilientMetricSource.class);
    assertThat(metricsServer.supportsRange()).isFalse();
    sources.close();
  }
}
