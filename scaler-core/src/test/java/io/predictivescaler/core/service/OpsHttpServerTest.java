package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

// the simpleclient flavour of the Prometheus registry is deprecated but pinned
// (docs/ARCHITECTURE.md §10)
@SuppressWarnings("deprecation")
class OpsHttpServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicReference<ReadinessStatus> READINESS =
      new AtomicReference<>(ReadinessStatus.ready());
  private static final WorkloadStatus CHECKOUT =
      new WorkloadStatus(
          "shop",
          "checkout",
          "scale",
          Map.of("targetPerReplica", 120, "minReplicas", 2, "maxReplicas", 40),
          Map.of(
              "reason", "PredictedLoad", "to", 6, "trace", List.of("reactive=4", "predictive=6")),
          List.of(new ForecastPoint(Instant.parse("2025-03-01T10:00:00Z"), 640.0, 700.0, 655.0)),
          "linear",
          Map.of("mase", 0.62),
          true,
          "MASE 0.62 beats seasonal naive",
          Map.of("xgboost", "failed in the backtest: java.lang.IllegalStateException: no trees"),
          List.of(
              new MetricStatus(
                  "sum(rate(requests[1m]))",
                  655.0,
                  Map.of("model", "linear", "peakUpper", 700.0),
                  List.of(
                      new ForecastPoint(
                          Instant.parse("2025-03-01T10:00:00Z"), 640.0, 700.0, 655.0)),
                  "linear",
                  Map.of("mase", 0.62),
                  true,
                  "MASE 0.62 beats seasonal naive",
                  Map.of()),
              new MetricStatus(
                  "sum(queue_depth)",
                  31.0,
                  Map.of("model", "holt-winters", "peakUpper", 40.0),
                  List.of(),
                  "holt-winters",
                  Map.of(),
                  false,
                  "InsufficientHistory: 12 samples",
                  Map.of())));

  private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();
  private static PrometheusMeterRegistry registry;
  private static Vertx vertx;
  private static OpsHttpServer ops;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    LOGS.start();
    serverLogger().addAppender(LOGS);
    registry = MetricsSetup.registry();
    Counter.builder("predictive.scaler.decisions")
        .tag("reason", "PredictedLoad")
        .register(registry)
        .increment();
    RetryRegistry retries = RetryRegistry.ofDefaults();
    TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(registry);
    retries.retry("prometheus");
    vertx = MetricsSetup.vertx(registry);
    ops =
        new OpsHttpServer(
            "127.0.0.1",
            0,
            registry,
            READINESS::get,
            new WorkloadStatusProvider() {
              @Override
              public List<WorkloadStatus> workloads() {
                return List.of(CHECKOUT);
              }

              @Override
              public Optional<WorkloadStatus> workload(String namespace, String name) {
                return namespace.equals("shop") && name.equals("checkout")
                    ? Optional.of(CHECKOUT)
                    : Optional.empty();
              }
            },
            Optional.empty());
    vertx.deployVerticle(ops).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    serverLogger().detachAppender(LOGS);
  }

  private static Logger serverLogger() {
    return (Logger) LoggerFactory.getLogger(OpsHttpServer.class);
  }

  @Test
  void withoutAnAccessCheckItWarnsAtStartThatTheApiIsOpenToAll() {
    assertThat(LOGS.list)
        .filteredOn(e -> e.getLevel() == Level.WARN)
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getFormattedMessage())
                    .startsWith(
                        "ops HTTP server listening on 127.0.0.1:" + ops.actualPort() + " WITHOUT")
                    .contains("--ops-auth=none")
                    .contains("every workload's queries, loads and decisions")
                    .endsWith("it is reachable from this host only"));
  }

  @Test
  void livenessAnswersOk() throws Exception {
    HttpResponse<String> response = get("/healthz");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("ok\n");
  }

  @Test
  void readinessListsTheFailingChecks() throws Exception {
    READINESS.set(
        ReadinessStatus.notReady(
            "config: no valid policy loaded yet", "kubernetes: API unreachable"));
    HttpResponse<String> notReady = get("/readyz");
    READINESS.set(ReadinessStatus.ready());
    HttpResponse<String> ready = get("/readyz");

    assertThat(notReady.statusCode()).isEqualTo(503);
    assertThat(notReady.headers().firstValue("content-type")).hasValue("application/json");
    JsonNode body = JSON.readTree(notReady.body());
    assertThat(body.get("ready").asBoolean()).isFalse();
    assertThat(body.get("failing")).hasSize(2);
    assertThat(body.get("failing").get(1).asText()).isEqualTo("kubernetes: API unreachable");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(ready.body()).get("ready").asBoolean()).isTrue();
  }

  @Test
  void metricsExposeOursVertxsAndResilience4jsMetersAsPrometheusText() throws Exception {
    get("/healthz");

    HttpResponse<String> response = get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type").orElseThrow())
        .startsWith("text/plain; version=0.0.4");
    assertThat(response.body())
        .contains("predictive_scaler_decisions_total{reason=\"PredictedLoad\",} 1.0")
        .contains("vertx_http_server_requests_total")
        .contains("resilience4j_retry_calls")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void listsWorkloadsAsJson() throws Exception {
    HttpResponse<String> response = get("/api/v1/workloads");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    JsonNode workloads = JSON.readTree(response.body()).get("workloads");
    assertThat(workloads).hasSize(1);
    assertThat(workloads.get(0).get("name").asText()).isEqualTo("checkout");
  }

  @Test
  void showsOneWorkloadWithDecisionTraceAndForecastVsActual() throws Exception {
    HttpResponse<String> response = get("/api/v1/workloads/shop/checkout");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("policy").get("maxReplicas").asInt()).isEqualTo(40);
    assertThat(body.get("lastDecision").get("trace")).hasSize(2);
    JsonNode point = body.get("forecastVsActual").get(0);
    assertThat(point.get("time").asText()).isEqualTo("2025-03-01T10:00:00Z");
    assertThat(point.get("actual").asDouble()).isEqualTo(655.0);
    assertThat(body.get("model").asText()).isEqualTo("linear");
    assertThat(body.get("accuracy").get("mase").asDouble()).isEqualTo(0.62);
    assertThat(body.get("trusted").asBoolean()).isTrue();
    assertThat(body.get("modelFailures").get("xgboost").asText())
        .isEqualTo("failed in the backtest: java.lang.IllegalStateException: no trees");
    JsonNode queue = body.get("metrics").get(1);
    assertThat(body.get("metrics")).hasSize(2);
    assertThat(queue.get("metric").asText()).isEqualTo("sum(queue_depth)");
    assertThat(queue.get("observedLoad").asDouble()).isEqualTo(31.0);
    assertThat(queue.get("lastForecast").get("peakUpper").asDouble()).isEqualTo(40.0);
    assertThat(queue.get("model").asText()).isEqualTo("holt-winters");
    assertThat(queue.get("trusted").asBoolean()).isFalse();
    assertThat(queue.get("trustReason").asText()).isEqualTo("InsufficientHistory: 12 samples");
    assertThat(queue.get("forecastVsActual")).isEmpty();
  }

  @Test
  void answersAnUnknownWorkloadWithAJson404() throws Exception {
    HttpResponse<String> response = get("/api/v1/workloads/shop/nope");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(JSON.readTree(response.body()).get("error").asText())
        .isEqualTo("no policy covers workload shop/nope");
  }

  private static HttpResponse<String> get(String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ops.actualPort() + path))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
