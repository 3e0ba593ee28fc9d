package io.predictivescaler.collector.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.predictivescaler.collector.resilience.ResilienceOptions;
import io.predictivescaler.collector.resilience.ResilientMetricSource;
import io.predictivescaler.collector.source.FailureKind;
import io.predictivescaler.collector.source.MetricSourceException;
import io.predictivescaler.collector.source.PromQlQuery;
import io.predictivescaler.collector.source.RangeSamples;
import io.predictivescaler.collector.verticle.CollectorVerticle;
import io.predictivescaler.collector.verticle.GapReason;
import io.predictivescaler.collector.verticle.Registration;
import io.predictivescaler.collector.verticle.SeriesSpec;
import io.predictivescaler.collector.verticle.TickEvent;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Prometheus source against a loopback HTTP stub: requests sent, chunking, bad answers. */
class PrometheusSourceStubTest {

  private static final PromQlQuery UP = new PromQlQuery("up");
  private static final String ONE =
      "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1,\"1\"]}}";

  @TempDir Path dir;

  private final Vertx vertx = Vertx.vertx();
  private final List<HttpExchange> requests = new CopyOnWriteArrayList<>();
  private static final Duration STEP = Duration.ofSeconds(15);

  private volatile Function<HttpExchange, String> answer = e -> ONE;
  private volatile Consumer<HttpExchange> streamed;
  private HttpServer server;

  @BeforeEach
  void startStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.add(exchange);
          if (streamed != null) {
            streamed.accept(exchange);
            return;
          }
          String body = answer.apply(exchange);
          if (body == null) {
            return;
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    vertx.close().await();
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/prom";
  }

  private static Map<String, String> params(HttpExchange e) {
    Map<String, String> out = new HashMap<>();
    for (String pair : e.getRequestURI().getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      out.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return out;
  }

  private static <T> T get(java.util.concurrent.CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void sendsQueryTimeHeadersAndAFreshBearerToken() throws Exception {
    Path token = dir.resolve("token");
    Files.writeString(token, "tok-1\n");
    PrometheusSource source =
        new PrometheusSource(
            vertx,
            PrometheusOptions.of(URI.create(base()))
                .withBearerTokenFile(token)
                .withHeaders(Map.of("X-Scope-OrgID", "team-a")));

    get(source.instant(UP, Instant.ofEpochMilli(1_700_000_000_123L)));
    Files.writeString(token, "tok-2\n");
    Files.setLastModifiedTime(token, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
    get(source.instant(UP, Instant.ofEpochMilli(1_700_000_015_000L)));

    HttpExchange first = requests.get(0);
    assertThat(first.getRequestURI().getPath()).isEqualTo("/prom/api/v1/query");
    assertThat(params(first)).containsEntry("query", "up").containsEntry("time", "1700000000.123");
    assertThat(first.getRequestHeaders().getFirst("Authorization")).isEqualTo("Bearer tok-1");
    assertThat(first.getRequestHeaders().getFirst("X-Scope-OrgID")).isEqualTo("team-a");
    assertThat(params(requests.get(1))).containsEntry("time", "1700000015");
    assertThat(requests.get(1).getRequestHeaders().getFirst("Authorization"))
        .isEqualTo("Bearer tok-2");
  }

  @Test
  void sendsBasicAuth() throws Exception {
    PrometheusSource source =
        new PrometheusSource(
            vertx, PrometheusOptions.of(URI.create(base())).withBasicAuth("ops", "s3cret"));

    get(source.instant(UP, Instant.EPOCH));

    String expected =
        "Basic "
            + Base64.getEncoder().encodeToString("ops:s3cret".getBytes(StandardCharsets.UTF_8));
    assertThat(requests.get(0).getRequestHeaders().getFirst("Authorization")).isEqualTo(expected);
  }

  @Test
  void rereadsTheBasicAuthPasswordFileWhenItChanges() throws Exception {
    Path secret = dir.resolve("password");
    Files.writeString(secret, "first\n");
    PrometheusSource source =
        new PrometheusSource(
            vertx,
            PrometheusOptions.of(URI.create(base())).withBasicAuthPasswordFile("ops", secret));

    get(source.instant(UP, Instant.EPOCH));
    Files.writeString(secret, "second-one\n");
    Files.setLastModifiedTime(secret, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
    get(source.instant(UP, Instant.EPOCH));

    assertThat(requests.get(0).getRequestHeaders().getFirst("Authorization"))
        .isEqualTo(basic("ops:first"));
    assertThat(requests.get(1).getRequestHeaders().getFirst("Authorization"))
        .isEqualTo(basic("ops:second-one"));
  }

  @Test
  void credentialsInTheUrlAreSentAsBasicAuthAndNeverShownInMessages() throws Exception {
    answer = e -> "<html>login</html>";
    String withSecret = base().replace("http://", "http://ops:hunter2@");
    PrometheusOptions options = PrometheusOptions.of(URI.create(withSecret));
    PrometheusSource source = new PrometheusSource(vertx, options);

    assertThatThrownBy(() -> get(source.instant(UP, Instant.EPOCH)))
        .cause()
        .hasMessageStartingWith("querying Prometheus at " + base() + "/api/v1/query")
        .message()
        .doesNotContain("hunter2");
    assertThat(requests.get(0).getRequestHeaders().getFirst("Authorization"))
        .isEqualTo(basic("ops:hunter2"));
    assertThat(options.toString()).doesNotContain("hunter2");
  }

  @Test
  void refusedConnectionWithCredentialsInTheUrlDoesNotRepeatThem() {
    int port = PrometheusProcess.freePort();
    PrometheusSource source =
        new PrometheusSource(
            vertx, PrometheusOptions.of(URI.create("http://ops:hunter2@127.0.0.1:" + port)));

    assertThatThrownBy(() -> get(source.instant(UP, Instant.EPOCH)))
        .cause()
        .hasMessageStartingWith(
            "querying Prometheus at http://127.0.0.1:" + port + "/api/v1/query (query up): ")
        .message()
        .doesNotContain("hunter2");
  }

  @Test
  void aHugeStreamedBodyIsRefusedWithoutBufferingIt() {
    AtomicLong sent = new AtomicLong();
    long huge = 512L * 1024 * 1024;
    streamed = exchange -> stream(exchange, huge, sent);
    PrometheusSource source =
        new PrometheusSource(
            vertx, PrometheusOptions.of(URI.create(base())).withMaxResponseBytes(1024 * 1024));

    assertThatThrownBy(() -> get(source.instant(UP, Instant.EPOCH)))
        .cause()
        .isInstanceOfSatisfying(
            MetricSourceException.class,
            e -> assertThat(e.kind()).isEqualTo(FailureKind.RESPONSE_TOO_LARGE))
        .hasMessageStartingWith("querying Prometheus at " + base() + "/api/v1/query (query up): ")
        .hasMessageContaining("exceeds the limit of 1048576 bytes (maxResponseBytes");
    assertThat(sent.get()).isLessThan(64L * 1024 * 1024);
  }

  @Test
  void aDeclaredContentLengthOverTheLimitIsRefusedBeforeReading() {
    answer = e -> "{\"status\":\"success\",\"data\":{\"pad\":\"" + "x".repeat(4096) + "\"}}";
    PrometheusSource source =
        new PrometheusSource(
            vertx, PrometheusOptions.of(URI.create(base())).withMaxResponseBytes(2048));

    assertThatThrownBy(() -> get(source.range(UP, Instant.EPOCH, Instant.EPOCH, STEP)))
        .cause()
        .isInstanceOfSatisfying(
            MetricSourceException.class,
            e -> assertThat(e.kind()).isEqualTo(FailureKind.RESPONSE_TOO_LARGE))
        .hasMessageContaining("/api/v1/query_range (query up)")
        .hasMessageContaining("limit of 2048 bytes")
        .hasMessageContaining("Content-Length 4");
  }

  @Test
  void anOversizedAnswerIsCountedAsAFailureOfItsKind() throws Exception {
    streamed = exchange -> stream(exchange, 64L * 1024 * 1024, new AtomicLong());
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    PrometheusSource source =
        new PrometheusSource(
            vertx, PrometheusOptions.of(URI.create(base())).withMaxResponseBytes(64 * 1024));
    CollectorVerticle collector =
        new CollectorVerticle(Map.of("prometheus", source), meters, Clock.systemUTC());
    vertx.deployVerticle(collector).await();

    Registration registration =
        collector
            .register(
                new SeriesSpec(
                    "huge", "prometheus", UP, Duration.ofMillis(500), Duration.ofMinutes(1)))
            .await();
    await().atMost(Duration.ofSeconds(10)).until(() -> tooLargeFailures(meters) >= 2);

    assertThat(registration.backfillError())
        .hasValueSatisfying(m -> assertThat(m).contains("exceeds the limit of 65536 bytes"));
    assertThat(tooLargeFailures(meters)).isGreaterThanOrEqualTo(2);
  }

  private static double tooLargeFailures(SimpleMeterRegistry meters) {
    var counter =
        meters
            .find("predictive.scaler.collector.source.failures")
            .tag("kind", "response_too_large")
            .counter();
    return counter == null ? 0 : counter.count();
  }

  /** Streams {@code total} bytes of a never-ending JSON string, chunked, counting what was sent. */
  private static void stream(HttpExchange exchange, long total, AtomicLong sent) {
    byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = exchange.getResponseBody()) {
      exchange.sendResponseHeaders(200, 0);
      out.write("{\"status\":\"success\",\"data\":\"".getBytes(StandardCharsets.UTF_8));
      while (sent.get() < total) {
        out.write(chunk);
        sent.addAndGet(chunk.length);
      }
    } catch (IOException e) {
      // the client hung up, as it should
    }
  }

  private static String basic(String userAndPassword) {
    return "Basic "
        + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void confinesATenantsQueryToItsNamespace() throws Exception {
    PrometheusSource source = new PrometheusSource(vertx, PrometheusOptions.of(URI.create(base())));

    get(
        source.instant(
            PromQlQuery.inNamespace("sum(rate(http_requests_total[1m]))", "shop"), Instant.EPOCH));
    answer = PrometheusSourceStubTest::matrixOfTimestamps;
    get(
        source.range(
            PromQlQuery.inNamespace("up", "shop"), Instant.EPOCH, Instant.EPOCH.plus(STEP), STEP));

    assertThat(params(requests.get(0)))
        .containsEntry("query", "sum(rate(http_requests_total{namespace=\"shop\"}[1m]))");
    assertThat(params(requests.get(1))).containsEntry("query", "up{namespace=\"shop\"}");
  }

  @Test
  void runsQueriesOfATrustedNamespaceAsWritten() throws Exception {
    PrometheusSource source =
        new PrometheusSource(
            vertx,
            PrometheusOptions.of(URI.create(base())).withTrustedNamespaces(Set.of("monitoring")));

    get(source.instant(PromQlQuery.inNamespace("sum(up)", "monitoring"), Instant.EPOCH));

    assertThat(params(requests.get(0))).containsEntry("query", "sum(up)");
  }

  @Test
  void refusesAQueryForAnotherNamespaceWithoutAskingPrometheus() {
    PrometheusSource source = new PrometheusSource(vertx, PrometheusOptions.of(URI.create(base())));

    assertThatThrownBy(
            () ->
                get(
                    source.instant(
                        PromQlQuery.inNamespace("up{namespace=\"kube-system\"}", "shop"),
                        Instant.EPOCH)))
        .cause()
        .isInstanceOfSatisfying(
            MetricSourceException.class,
            e -> assertThat(e.kind()).isEqualTo(FailureKind.QUERY_ERROR))
        .hasMessageContaining("cannot be confined to namespace shop")
        .hasMessageContaining("asks for namespace=\"kube-system\"");
    assertThat(requests).isEmpty();
  }

  @Test
  void splitsLongRangesIntoRequestsUnderThePointLimit() throws Exception {
    answer = PrometheusSourceStubTest::matrixOfTimestamps;
    PrometheusSource source =
        new PrometheusSource(
            vertx, PrometheusOptions.of(URI.create(base())).withMaxPointsPerRequest(100));
    Instant from = Instant.ofEpochSecond(1_700_000_000L);
    Duration step = Duration.ofSeconds(15);

    RangeSamples r = get(source.range(UP, from, from.plus(step.multipliedBy(249)), step));

    assertThat(requests).hasSize(3);
    for (HttpExchange e : requests) {
      Map<String, String> p = params(e);
      double points =
          (Double.parseDouble(p.get("end")) - Double.parseDouble(p.get("start"))) / 15 + 1;
      assertThat(points).isLessThanOrEqualTo(100);
      assertThat(p).containsEntry("step", "15");
    }
    assertThat(r.size()).isEqualTo(250);
    for (int i = 0; i < r.size(); i++) {
      assertThat(r.time(i)).isEqualTo(from.plus(step.multipliedBy(i)));
      assertThat(r.value(i)).isEqualTo(r.time(i).getEpochSecond());
    }
  }

  @Test
  void garbageBodyFailsNamingTheUrl() {
    answer = e -> "<html><body>Sign in to the proxy</body></html>";
    PrometheusSource source = new PrometheusSource(vertx, PrometheusOptions.of(URI.create(base())));

    assertThatThrownBy(() -> get(source.instant(UP, Instant.EPOCH)))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            MetricSourceException.class,
            e -> assertThat(e.kind()).isEqualTo(FailureKind.BAD_RESPONSE))
        .hasMessage(
            "querying Prometheus at "
                + base()
                + "/api/v1/query (query up): response is not a JSON object: "
                + "<html><body>Sign in to the proxy</body></html>");
  }

  @Test
  void refusedConnectionIsAConnectionFailureNamingTheUrl() {
    int port = PrometheusProcess.freePort();
    PrometheusSource source =
        new PrometheusSource(vertx, PrometheusOptions.of(URI.create("http://127.0.0.1:" + port)));

    assertThatThrownBy(() -> get(source.instant(UP, Instant.EPOCH)))
        .cause()
        .isInstanceOfSatisfying(
            MetricSourceException.class,
            e -> assertThat(e.kind()).isEqualTo(FailureKind.CONNECTION))
        .hasMessageStartingWith(
            "querying Prometheus at http://127.0.0.1:" + port + "/api/v1/query (query up): ");
  }

  @Test
  void requestTimeoutOfTheHttpClientIsATimeoutFailure() {
    answer = e -> null;
    PrometheusSource source =
        new PrometheusSource(
            vertx,
            PrometheusOptions.of(URI.create(base())).withRequestTimeout(Duration.ofMillis(200)));

    assertThatThrownBy(() -> get(source.instant(UP, Instant.EPOCH)))
        .cause()
        .isInstanceOfSatisfying(
            MetricSourceException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT));
  }

  @Test
  void slowEndpointTripsTheTimeLimiterAndTheTickRecordsATimeoutGap() throws Exception {
    PrometheusSource prometheus =
        new PrometheusSource(vertx, PrometheusOptions.of(URI.create(base())));
    // the JVM's first direct buffer initialises JFR for seconds: pay it before timing anything
    get(prometheus.instant(UP, Instant.EPOCH));
    answer = e -> null;
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      ResilientMetricSource source =
          new ResilientMetricSource(
              prometheus,
              ResilienceOptions.defaults()
                  .withTimeout(Duration.ofMillis(300))
                  .withRangeTimeout(Duration.ofMillis(300))
                  .withRetry(1, Duration.ofMillis(10)),
              scheduler,
              new SimpleMeterRegistry());
      CollectorVerticle collector =
          new CollectorVerticle(
              Map.of("prometheus", source), new SimpleMeterRegistry(), Clock.systemUTC());
      vertx.deployVerticle(collector).await();
      List<TickEvent> events = new CopyOnWriteArrayList<>();
      vertx
          .eventBus()
          .<JsonObject>consumer(
              CollectorVerticle.TICK_ADDRESS, m -> events.add(TickEvent.fromJson(m.body())));

      Registration registration =
          collector
              .register(
                  new SeriesSpec(
                      "slow", "prometheus", UP, Duration.ofMillis(500), Duration.ofMinutes(1)))
              .await();
      // on a loaded machine a tick may find the previous query still in flight: wait for the
      // first gap the time limiter made
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> events.stream().anyMatch(e -> e.gap().orElse(null) == GapReason.TIMEOUT));
      TickEvent timedOut =
          events.stream().filter(e -> e.gap().orElse(null) == GapReason.TIMEOUT).findFirst().get();

      assertThat(registration.backfillError())
          .hasValueSatisfying(m -> assertThat(m).contains("did not answer up within PT0.3S"));
      assertThat(timedOut.detail()).isEqualTo("source prometheus did not answer up within PT0.3S");
    } finally {
      scheduler.shutdownNow();
    }
  }

  private static String matrixOfTimestamps(HttpExchange e) {
    Map<String, String> p = params(e);
    long start = new BigDecimal(p.get("start")).longValueExact();
    long end = new BigDecimal(p.get("end")).longValueExact();
    long step = Long.parseLong(p.get("step"));
    StringBuilder values = new StringBuilder();
    for (long t = start; t <= end; t += step) {
      values.append(values.length() == 0 ? "" : ",").append("[").append(t).append(",\"");
      values.append(t).append("\"]");
    }
    return "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":"
        + "[{\"metric\":{},\"values\":["
        + values
        + "]}]}}";
  }
}
