package io.predictivescaler.collector.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.predictivescaler.collector.resilience.ResilienceOptions;
import io.predictivescaler.collector.resilience.ResilientMetricSource;
import io.predictivescaler.collector.source.PromQlQuery;
import io.predictivescaler.collector.source.RangeSamples;
import io.predictivescaler.collector.verticle.CollectorVerticle;
import io.predictivescaler.collector.verticle.GapReason;
import io.predictivescaler.collector.verticle.SeriesSpec;
import io.predictivescaler.collector.verticle.TickEvent;
import io.predictivescaler.collector.window.WindowSnapshot;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Gauge;
import io.prometheus.client.exporter.HTTPServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live collection from a real Prometheus scraping a test exporter, through an outage: the circuit
 * opens, ticks record gaps, and after the restart the hole is backfilled from Prometheus.
 */
class PrometheusCollectionIT {

  private static final Duration STEP = Duration.ofSeconds(1);
  private static final double LOAD = 5.0;

  @TempDir Path workDir;

  private final CollectorRegistry exporterRegistry = new CollectorRegistry();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final List<TickEvent> events = new CopyOnWriteArrayList<>();
  private HTTPServer exporter;
  private PrometheusProcess prometheus;
  private Vertx vertx;

  @BeforeEach
  void startExporterAndPrometheus() throws Exception {
    PrometheusProcess.assumeInstalled();
    Gauge.build("load", "test load").register(exporterRegistry).set(LOAD);
    exporter = new HTTPServer(new InetSocketAddress("127.0.0.1", 0), exporterRegistry, true);
    prometheus = PrometheusProcess.start(workDir, List.of("127.0.0.1:" + exporter.getPort()));
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stopEverything() {
    if (vertx != null) {
      vertx.close().await();
    }
    if (prometheus != null) {
      prometheus.close();
    }
    if (exporter != null) {
      exporter.close();
    }
    scheduler.shutdownNow();
  }

  @Test
  void survivesAnOutageAndBackfillsTheHole() throws Exception {
    ResilientMetricSource source =
        new ResilientMetricSource(
            new PrometheusSource(
                vertx,
                PrometheusOptions.of(URI.create(prometheus.url()))
                    .withRequestTimeout(Duration.ofSeconds(1))),
            ResilienceOptions.defaults()
                .withTimeout(Duration.ofMillis(500))
                .withRetry(2, Duration.ofMillis(50))
                .withCircuit(4, 4, Duration.ofSeconds(2)),
            scheduler,
            registry);
    CollectorVerticle collector =
        new CollectorVerticle(Map.of("prometheus", source), registry, Clock.systemUTC());
    vertx.deployVerticle(collector).await();
    vertx
        .eventBus()
        .<JsonObject>consumer(
            CollectorVerticle.TICK_ADDRESS + ".load",
            m -> events.add(TickEvent.fromJson(m.body())));
    collector
        .register(
            new SeriesSpec(
                "load", "prometheus", new PromQlQuery("load"), STEP, Duration.ofMinutes(5)))
        .await();
    await().atMost(Duration.ofSeconds(20)).until(() -> values().size() >= 3);

    prometheus.stop();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                source.circuitState(new PromQlQuery("load")) == CircuitBreaker.State.OPEN
                    && gaps().stream().anyMatch(e -> e.gap().get() == GapReason.CIRCUIT_OPEN));
    Instant lastGapBeforeRestart = gaps().get(gaps().size() - 1).slot();
    prometheus.start();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> values().stream().anyMatch(e -> e.slot().isAfter(lastGapBeforeRestart)));
    List<TickEvent> holes = gaps();
    Instant first = holes.get(0).slot();
    Instant last = holes.get(holes.size() - 1).slot();
    await().atMost(Duration.ofSeconds(20)).until(() -> !Double.isNaN(valueAt(collector, first)));

    RangeSamples truth = prometheusRange(first, last);
    WindowSnapshot window = collector.snapshot("load").await();
    assertThat(truth.size()).as("Prometheus answers for the hole from its lookback").isPositive();
    for (int i = 0; i < truth.size(); i++) {
      int index = (int) Duration.between(window.start(), truth.time(i)).dividedBy(STEP);
      assertThat((double) window.values()[index]).as("slot %s", truth.time(i)).isEqualTo(LOAD);
      assertThat(truth.value(i)).isEqualTo(LOAD);
    }
    assertThat(gaps()).extracting(e -> e.gap().get()).contains(GapReason.SOURCE_FAILED);
    assertThat(
            registry
                .get("predictive.scaler.collector.source.failures")
                .tag("kind", "connection")
                .counter()
                .count())
        .isPositive();
    assertThat(registry.get("predictive.scaler.collector.backfilled.points").counter().count())
        .isPositive();
  }

  private List<TickEvent> values() {
    return events.stream().filter(e -> !e.isGap()).toList();
  }

  private List<TickEvent> gaps() {
    return events.stream().filter(e -> e.isGap() && e.gap().get() != GapReason.NO_DATA).toList();
  }

  private static double valueAt(CollectorVerticle collector, Instant slot) {
    WindowSnapshot w = collector.snapshot("load").await();
    int index = (int) Duration.between(w.start(), slot).dividedBy(STEP);
    return index < 0 || index >= w.size() ? Double.NaN : w.values()[index];
  }

  private RangeSamples prometheusRange(Instant from, Instant to) throws Exception {
    String url =
        prometheus.url()
            + "/api/v1/query_range?query=load&start="
            + from.getEpochSecond()
            + "&end="
            + to.getEpochSecond()
            + "&step=1";
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    return new PrometheusResponseParser("test", url, "load")
        .parseRange(response.statusCode(), response.body());
  }
}
