package io.predictivescaler.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.predictivescaler.collector.prometheus.PrometheusOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricSourceFactoryTest {

  @Test
  void readsPrometheusSettings() {
    PrometheusOptions o =
        MetricSourceFactory.prometheusOptions(
            "main",
            Map.of(
                "url", "https://prom:9090",
                "bearerTokenFile", "/var/run/token",
                "caFile", "/etc/ca.pem",
                "timeout", "2s",
                "header.X-Scope-OrgID", "team"));

    assertThat(o.name()).isEqualTo("main");
    assertThat(o.endpoint("/api/v1/query")).isEqualTo("https://prom:9090/api/v1/query");
    assertThat(o.bearerTokenFile()).contains(Path.of("/var/run/token"));
    assertThat(o.caFile()).contains(Path.of("/etc/ca.pem"));
    assertThat(o.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(o.headers()).containsExactly(Map.entry("X-Scope-OrgID", "team"));
  }

  @Test
  void readsBasicAuthFromAPasswordFileAndTheResponseLimits() {
    PrometheusOptions o =
        MetricSourceFactory.prometheusOptions(
            "main",
            Map.of(
                "url", "http://prom:9090",
                "username", "ops",
                "passwordFile", "/etc/prom/password",
                "maxResponseBytes", "2097152",
                "trustedNamespaces", "monitoring, kube-system"));

    assertThat(o.basicAuth())
        .hasValue(PrometheusOptions.BasicAuth.fromFile("ops", Path.of("/etc/prom/password")));
    assertThat(o.maxResponseBytes()).isEqualTo(2_097_152L);
    assertThat(o.trustedNamespaces()).containsExactlyInAnyOrder("monitoring", "kube-system");
  }

  @Test
  void neverRepeatsCredentialsOfTheUrlInItsErrors() {
    assertThatThrownBy(
            () ->
                MetricSourceFactory.prometheusOptions(
                    "main", Map.of("url", "ftp://ops:hunter2@prom")))
        .hasMessage("sources.main.url: baseUrl must be http or https, got ftp://***@prom");
    assertThatThrownBy(
            () ->
                MetricSourceFactory.prometheusOptions(
                    "main", Map.of("url", "http://ops:hunter2@prom:9090/a b")))
        .message()
        .startsWith("sources.main.url: ")
        .doesNotContain("hunter2");
  }

  @Test
  void namesTheBadField() {
    assertThatThrownBy(() -> MetricSourceFactory.prometheusOptions("main", Map.of()))
        .hasMessage("sources.main.url: required");
    assertThatThrownBy(
            () ->
                MetricSourceFactory.prometheusOptions(
                    "main", Map.of("url", "http://p", "timeout", "soon")))
        .hasMessage("sources.main.timeout: not a duration (e.g. 5s), got soon");
    assertThatThrownBy(
            () ->
                MetricSourceFactory.prometheusOptions(
                    "main", Map.of("url", "http://p", "tls", "y")))
        .hasMessageStartingWith("sources.main.tls: unknown setting");
    assertThatThrownBy(
            () ->
                MetricSourceFactory.prometheusOptions(
                    "main", Map.of("url", "http://p", "maxResponseBytes", "10")))
        .hasMessage("sources.main.maxResponseBytes: must be >= 1024, got 10");
    assertThatThrownBy(
            () -> MetricSourceFactory.prometheusOptions("main", Map.of("url", "ftp://p")))
        .hasMessage("sources.main.url: baseUrl must be http or https, got ftp://p");
  }

  @Test
  void refusesUnknownTypes() {
    MetricSourceFactory factory = new MetricSourceFactory(null, () -> null, null, null);

    assertThatThrownBy(
            () ->
                factory.create(
                    "influx",
                    "main",
                    Map.of(),
                    io.predictivescaler.collector.resilience.ResilienceOptions.defaults()))
        .hasMessage("sources.main.type: must be one of [prometheus, metrics-server], got influx");
  }
}
