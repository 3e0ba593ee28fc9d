package io.predictivescaler.collector.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.predictivescaler.collector.cadvisor.CadvisorHistorySource;
import io.predictivescaler.collector.source.InstantSample;
import io.predictivescaler.collector.source.ResourceName;
import io.predictivescaler.collector.source.ResourceQuery;
import io.predictivescaler.collector.source.ScriptedSource;
import io.predictivescaler.collector.verticle.CollectorVerticle;
import io.predictivescaler.collector.verticle.Registration;
import io.predictivescaler.collector.verticle.SeriesSpec;
import io.predictivescaler.collector.window.WindowSnapshot;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code resource:} workload's window backfilled from a real Prometheus holding three hours of
 * cAdvisor series (loaded with promtool): the Deployment {@code shop/web} rolled out an hour ago,
 * from a pod of its old ReplicaSet to one of its new one with two containers. The pod-level cgroup
 * and pause container series, a neighbour Deployment {@code web-api} and a {@code web} in another
 * namespace are there too and must not be counted. A custom resource {@code ledger}, whose operator
 * names its pods its own way, is backfilled from its current pods by name.
 */
class CadvisorBackfillIT {

  private static final Duration STEP = Duration.ofSeconds(15);
  private static final Duration HISTORY = Duration.ofHours(3);
  private static final double MIB = 1024 * 1024;
  private static final String OLD_POD = "web-5c4b7-9zzbq";
  private static final String NEW_POD = "web-7d9f8c6b5d-x2x4z";
  private static final List<String> LEDGER_PODS = List.of("ledger-main", "ledger-replica.1");
  private static final ResourceQuery LEDGER_CPU =
      new ResourceQuery("shop", "example.com/v1", "LedgerSet", "ledger", ResourceName.CPU);

  @TempDir static Path workDir;

  private static PrometheusProcess prometheus;
  private static Instant historyEnd;
  private static Instant rollout;

  private Vertx vertx;
  private CollectorVerticle collector;

  @BeforeAll
  static void startPrometheusWithCadvisorHistory() throws Exception {
    PrometheusProcess.assumeInstalled();
    long now = System.currentTimeMillis() / 1000;
    historyEnd = Instant.ofEpochSecond(now / 15 * 15 - 60);
    Instant start = historyEnd.minus(HISTORY);
    rollout = historyEnd.minus(Duration.ofHours(1));
    StringBuilder om = new StringBuilder();
    // CPU: counters of seconds used, so that their rate is the given number of cores
    cpu(om, "shop", OLD_POD, "app", 0.4, start, rollout);
    cpu(om, "shop", NEW_POD, "app", 0.25, rollout, historyEnd);
    cpu(om, "shop", NEW_POD, "sidecar", 0.05, rollout, historyEnd);
    cpu(om, "shop", NEW_POD, "", 0.3, rollout, historyEnd);
    cpu(om, "shop", NEW_POD, "POD", 0.001, rollout, historyEnd);
    cpu(om, "shop", "web-api-7d9f8c6b5d-x2x4z", "app", 2, start, historyEnd);
    cpu(om, "other", NEW_POD, "app", 3, start, historyEnd);
    memory(om, "shop", OLD_POD, "app", 300 * MIB, start, rollout);
    memory(om, "shop", NEW_POD, "app", 200 * MIB, rollout, historyEnd);
    memory(om, "shop", NEW_POD, "sidecar", 50 * MIB, rollout, historyEnd);
    memory(om, "shop", NEW_POD, "", 260 * MIB, rollout, historyEnd);
    memory(om, "shop", "web-api-7d9f8c6b5d-x2x4z", "app", 900 * MIB, start, historyEnd);
    cpu(om, "shop", LEDGER_PODS.get(0), "app", 0.2, start, historyEnd);
    cpu(om, "shop", LEDGER_PODS.get(1), "app", 0.15, start, historyEnd);
    cpu(om, "shop", "ledger-replicax1", "app", 5, start, historyEnd);
    om.append("# EOF\n");
    PrometheusProcess.loadHistory(workDir, om.toString());
    prometheus = PrometheusProcess.start(workDir, List.of());
  }

  @AfterAll
  static void stopPrometheus() {
    if (prometheus != null) {
      prometheus.close();
    }
  }

  @BeforeEach
  void startCollector() {
    vertx = Vertx.vertx();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ScriptedSource metricsServer =
        new ScriptedSource(
            "metrics-server",
            (q, at) -> CompletableFuture.completedFuture(InstantSample.empty(at, List.of())));
    PrometheusSource cadvisor =
        new PrometheusSource(vertx, PrometheusOptions.of(URI.create(prometheus.url())));
    collector =
        new CollectorVerticle(
            Map.of(
                "metrics-server",
                new CadvisorHistorySource(
                    metricsServer,
                    cadvisor,
                    target ->
                        CompletableFuture.completedFuture(
                            target.equals(LEDGER_CPU) ? LEDGER_PODS : List.of()))),
            registry,
            Clock.fixed(historyEnd.plusSeconds(5), ZoneOffset.UTC));
    vertx.deployVerticle(collector).await();
  }

  @AfterEach
  void stopCollector() {
    vertx.close().await();
  }

  @Test
  void backfillsCpuAsTheCoresOfTheWorkloadsContainersAcrossARollout() throws Exception {
    WindowSnapshot window = backfill(ResourceName.CPU);

    assertMatches(window, t -> t < rollout.getEpochSecond() ? 0.4 : 0.3, 1e-4);
  }

  @Test
  void backfillsMemoryAsTheWorkingSetBytesOfTheWorkloadsContainers() throws Exception {
    WindowSnapshot window = backfill(ResourceName.MEMORY);

    assertMatches(window, t -> t < rollout.getEpochSecond() ? 300 * MIB : 250 * MIB, 1);
  }

  @Test
  void backfillsTheCurrentPodsOfACustomResourceByTheirNames() throws Exception {
    WindowSnapshot window = backfill(LEDGER_CPU);

    assertMatches(window, t -> 0.35, 1e-4);
  }

  private WindowSnapshot backfill(ResourceName resource) throws Exception {
    return backfill(new ResourceQuery("shop", "apps/v1", "Deployment", "web", resource));
  }

  private WindowSnapshot backfill(ResourceQuery query) throws Exception {
    String id = query.namespace() + "/" + query.name() + "/" + query.resource().key();
    Registration registration =
        collector
            .register(new SeriesSpec(id, "metrics-server", query, STEP, Duration.ofHours(2)))
            .toCompletionStage()
            .toCompletableFuture()
            .get(60, TimeUnit.SECONDS);
    assertThat(registration.backfillError()).isEmpty();
    assertThat(registration.backfilledPoints()).isGreaterThanOrEqualTo(470);
    return collector
        .snapshot(id)
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  /**
   * Every slot but those within six minutes of the rollout, where the rate spans both pods and the
   * old pod's last memory sample is still in the five minutes Prometheus looks back.
   */
  private static void assertMatches(
      WindowSnapshot window, DoubleUnaryOperator expected, double tolerance) {
    int checked = 0;
    for (int i = 0; i < window.size(); i++) {
      Instant t = window.time(i);
      if (Duration.between(rollout, t).abs().compareTo(Duration.ofMinutes(6)) < 0
          || t.isAfter(historyEnd)) {
        continue;
      }
      assertThat((double) window.values()[i])
          .as("slot %s", t)
          .isCloseTo(expected.applyAsDouble(t.getEpochSecond()), within(tolerance));
      checked++;
    }
    assertThat(checked).isGreaterThan(400);
  }

  private static void cpu(
      StringBuilder om,
      String namespace,
      String pod,
      String container,
      double cores,
      Instant from,
      Instant to) {
    series(
        om,
        "container_cpu_usage_seconds_total",
        namespace,
        pod,
        container,
        from,
        to,
        s -> cores * s);
  }

  private static void memory(
      StringBuilder om,
      String namespace,
      String pod,
      String container,
      double bytes,
      Instant from,
      Instant to) {
    series(
        om, "container_memory_working_set_bytes", namespace, pod, container, from, to, s -> bytes);
  }

  /**
   * One series every 15 s from {@code from} to {@code to}; the value of seconds since its start.
   */
  private static void series(
      StringBuilder om,
      String metric,
      String namespace,
      String pod,
      String container,
      Instant from,
      Instant to,
      DoubleUnaryOperator value) {
    for (Instant t = from; !t.isAfter(to); t = t.plus(STEP)) {
      om.append(metric)
          .append("{namespace=\"")
          .append(namespace)
          .append("\",pod=\"")
          .append(pod)
          .append("\",container=\"")
          .append(container)
          .append("\"} ")
          .append(value.applyAsDouble(Duration.between(from, t).getSeconds()))
          .append(' ')
          .append(t.getEpochSecond())
          .append('\n');
    }
  }
}
