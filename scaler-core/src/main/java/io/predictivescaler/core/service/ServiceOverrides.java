package io.predictivescaler.core.service;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.predictivescaler.collector.source.MetricSource;
import io.predictivescaler.collector.verticle.CollectorTimer;
import io.predictivescaler.core.actuate.ApiRetry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a caller of {@link ScalerService#start} may replace: the production choices are the
 * defaults, tests swap in a mock API server, a stub metric source and a test clock. A null field
 * means the default.
 *
 * @param client makes the Kubernetes client; default: {@link KubeClientConfig} (kubeconfig with the
 *     configured context, else the in-cluster service account); the service closes the client it
 *     got
 * @param clock what "now" is for ticks, windows and Events; default: the system UTC clock
 * @param metricSources raw metric sources by name ({@code prometheus}, {@code metrics-server})
 *     replacing the configured ones; each is still wrapped in retry and circuit breaker
 * @param tickPeriod how often the tick timer fires; default 1 s; zero: no timer, ticks only through
 *     {@link ScalerService#tickNow()}
 * @param httpPort ops HTTP port; default from the service config; 0 picks a free one
 * @param leaderElection lease timings; default from the service config (client-go's)
 * @param apiRetry retries of API writes; default {@link ApiRetry#defaults()}
 * @param collectorTimer schedules the collector's sampling; default Vert.x timers on real time (a
 *     virtual clock needs timers that follow it)
 */
public record ServiceOverrides(
    Supplier<KubernetesClient> client,
    Clock clock,
    Map<String, MetricSource> metricSources,
    Duration tickPeriod,
    Integer httpPort,
    LeaderElectionSettings leaderElection,
    ApiRetry apiRetry,
    CollectorTimer collectorTimer) {

  public static final Duration DEFAULT_TICK_PERIOD = Duration.ofSeconds(1);

  public ServiceOverrides {
    metricSources = metricSources == null ? Map.of() : Map.copyOf(metricSources);
  }

  /** Every production default. */
  public static ServiceOverrides none() {
    return new ServiceOverrides(null, null, Map.of(), null, null, null, null, null);
  }

  public ServiceOverrides withClient(Supplier<KubernetesClient> value) {
    return new ServiceOverrides(
        value,
        clock,
        metricSources,
        tickPeriod,
        httpPort,
        leaderElection,
        apiRetry,
        collectorTimer);
  }

  public ServiceOverrides withClock(Clock value) {
    return new ServiceOverrides(
        client,
        value,
        metricSources,
        tickPeriod,
        httpPort,
        leaderElection,
        apiRetry,
        collectorTimer);
  }

  public ServiceOverrides withMetricSource(MetricSource source) {
    Map<String, MetricSource> sources = new HashMap<>(metricSources);
    sources.put(source.name(), source);
    return new ServiceOverrides(
        client, clock, sources, tickPeriod, httpPort, leaderElection, apiRetry, collectorTimer);
  }

  public ServiceOverrides withTickPeriod(Duration value) {
    return new ServiceOverrides(
        client, clock, metricSources, value, httpPort, leaderElection, apiRetry, collectorTimer);
  }

  public ServiceOverrides withHttpPort(int value) {
    return new ServiceOverrides(
        client, clock, metricSources, tickPeriod, value, leaderElection, apiRetry, collectorTimer);
  }

  public ServiceOverrides withLeaderElection(LeaderElectionSettings value) {
    return new ServiceOverrides(
        client, clock, metricSources, tickPeriod, httpPort, value, apiRetry, collectorTimer);
  }

  public ServiceOverrides withCollectorTimer(CollectorTimer value) {
    return new ServiceOverrides(
        client, clock, metricSources, tickPeriod, httpPort, leaderElection, apiRetry, value);
  }

  public ServiceOverrides withApiRetry(ApiRetry value) {
    return new ServiceOverrides(
        client, clock, metricSources, tickPeriod, httpPort, leaderElection, value, collectorTimer);
  }
}
