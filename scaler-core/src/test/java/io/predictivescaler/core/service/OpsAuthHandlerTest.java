package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.predictivescaler.core.opsauth.AccessReviewer;
import io.predictivescaler.core.opsauth.OpsAccessControl;
import io.predictivescaler.core.opsauth.ReviewedUser;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ops server with the access check in front, over real HTTP, with an in-memory reviewer: the
 * token {@code reader} may get everything under {@code /metrics} and {@code /api/v1/}, {@code
 * outsider} nothing, {@code broken} makes the review fail and {@code slow} makes it hang.
 */
// the simpleclient flavour of the Prometheus registry is deprecated but pinned
// (docs/ARCHITECTURE.md §10)
@SuppressWarnings("deprecation")
class OpsAuthHandlerTest {

  private static final Duration TIMEOUT = Duration.ofMillis(500);
  private static final CountDownLatch RELEASE_SLOW_REVIEW = new CountDownLatch(1);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static PrometheusMeterRegistry registry;
  private static Vertx vertx;
  private static OpsHttpServer ops;

  private static final class InMemoryReviewer implements AccessReviewer {
    @Override
    public Optional<ReviewedUser> authenticate(String token) {
      return switch (token) {
        case "reader", "outsider" -> Optional.of(new ReviewedUser(token, null, null, null));
        case "broken" -> throw new IllegalStateException("TokenReview failed: HTTP 500");
        case "slow" -> {
          await(RELEASE_SLOW_REVIEW);
          yield Optional.empty();
        }
        default -> Optional.empty();
      };
    }

    @Override
    public boolean allows(ReviewedUser user, String verb, String path) {
      return user.username().equals("reader")
          && verb.equals("get")
          && (path.equals("/metrics") || path.startsWith("/api/v1/"));
    }
  }

  @BeforeAll
  static void start() throws Exception {
    registry = MetricsSetup.registry();
    vertx = MetricsSetup.vertx(registry);
    OpsAuthHandler auth =
        new OpsAuthHandler(
            OpsAccessControl.withDefaults(new InMemoryReviewer()),
            Clock.fixed(Instant.parse("2026-03-02T00:00:00Z"), ZoneOffset.UTC),
            TIMEOUT,
            registry);
    ops =
        new OpsHttpServer(
            "127.0.0.1",
            0,
            registry,
            ReadinessStatus::ready,
            new WorkloadStatusProvider() {
              @Override
              public List<WorkloadStatus> workloads() {
                return List.of();
              }

              @Override
              public Optional<WorkloadStatus> workload(String namespace, String name) {
                return Optional.empty();
              }
            },
            Optional.of(auth));
    vertx.deployVerticle(ops).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    RELEASE_SLOW_REVIEW.countDown();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void theProbesNeedNoToken() throws Exception {
    assertThat(get("/healthz", null).statusCode()).isEqualTo(200);
    assertThat(get("/readyz", null).statusCode()).isEqualTo(200);
  }

  @Test
  void withoutATokenMetricsAndTheApiAnswer401WithABearerChallenge() throws Exception {
    for (String path : List.of("/metrics", "/api/v1/workloads", "/api/v1/workloads/shop/a")) {
      HttpResponse<String> response = get(path, null);

      assertThat(response.statusCode()).as(path).isEqualTo(401);
      assertThat(response.headers().firstValue("www-authenticate")).hasValue("Bearer");
      assertThat(response.headers().firstValue("content-type"))
          .hasValue("text/plain; charset=utf-8");
      assertThat(response.body())
          .isEqualTo("Unauthorized: missing bearer token (Authorization: Bearer <token>)\n");
    }
  }

  @Test
  void aTokenKubernetesDoesNotAcceptAnswers401() throws Exception {
    HttpResponse<String> response = get("/metrics", "unknown-token");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("Unauthorized: token not accepted by Kubernetes\n");
  }

  @Test
  void aUserWithoutTheRightAnswers403NamingUserVerbAndPath() throws Exception {
    HttpResponse<String> response = get("/api/v1/workloads", "outsider");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body())
        .isEqualTo("Forbidden: user \"outsider\" may not get /api/v1/workloads\n");
  }

  @Test
  void anAllowedUserGetsMetricsAndTheApi() throws Exception {
    HttpResponse<String> metrics = get("/metrics", "reader");
    HttpResponse<String> workloads = get("/api/v1/workloads", "reader");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    assertThat(workloads.statusCode()).isEqualTo(200);
    assertThat(workloads.body()).isEqualTo("{\"workloads\":[]}");
  }

  @Test
  void aFailedReviewAnswers503AndIsCounted() throws Exception {
    double before = answered("unavailable");

    HttpResponse<String> response = get("/metrics", "broken");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body())
        .isEqualTo("Service Unavailable: cannot check access with the Kubernetes API, try again\n");
    assertThat(answered("unavailable")).isEqualTo(before + 1);
  }

  @Test
  void aReviewThatHangsAnswers503AfterTheTimeout() throws Exception {
    HttpResponse<String> response = get("/metrics", "slow");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body())
        .isEqualTo("Service Unavailable: checking access timed out, try again\n");
  }

  @Test
  void theCheckedPathIsTheOneServedSoDotSegmentsDoNotSlipPast() throws Exception {
    HttpResponse<String> traversal = get("/healthz/../api/v1/workloads", null);
    HttpResponse<String> forbidden = get("/healthz/../api/v1/workloads", "outsider");

    assertThat(traversal.statusCode()).isEqualTo(401);
    assertThat(forbidden.body())
        .isEqualTo("Forbidden: user \"outsider\" may not get /api/v1/workloads\n");
  }

  @Test
  void unknownPathsAndOtherMethodsAreCheckedToo() throws Exception {
    HttpResponse<String> unknown = get("/debug/pprof", null);
    HttpResponse<String> post =
        HTTP.send(
            request("/metrics", "reader").POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(post.statusCode()).isEqualTo(403);
    assertThat(post.body()).isEqualTo("Forbidden: user \"reader\" may not create /metrics\n");
  }

  @Test
  void mapsHttpMethodsToRbacVerbsLikeKubeRbacProxy() {
    Map<io.vertx.core.http.HttpMethod, String> expected =
        Map.of(
            io.vertx.core.http.HttpMethod.GET, "get",
            io.vertx.core.http.HttpMethod.HEAD, "get",
            io.vertx.core.http.HttpMethod.POST, "create",
            io.vertx.core.http.HttpMethod.PUT, "update",
            io.vertx.core.http.HttpMethod.PATCH, "patch",
            io.vertx.core.http.HttpMethod.DELETE, "delete");

    expected.forEach(
        (method, verb) ->
            assertThat(OpsAuthHandler.verb(method)).as(method.name()).isEqualTo(verb));
  }

  private static double answered(String result) {
    Counter counter =
        registry.find("predictive.scaler.ops.auth.requests").tag("result", result).counter();
    return counter == null ? 0 : counter.count();
  }

  private static HttpResponse<String> get(String path, String token) throws Exception {
    return HTTP.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ops.actualPort() + path))
            .timeout(Duration.ofSeconds(10));
    return token == null ? request : request.header("Authorization", "Bearer " + token);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
