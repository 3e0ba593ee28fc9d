package io.predictivescaler.core.service;

import static io.predictivescaler.core.service.ServiceHarness.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.predictivescaler.core.actuate.ScalerAnnotations;
import io.predictivescaler.core.kube.FakeAccessReviews;
import io.predictivescaler.core.kube.MockApiServerShutdown;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ops endpoints over real HTTP on a free port, after one tick of one workload, with the
 * production access check: tokens are reviewed by the mock API server.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class OpsApiIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PAUSED_CHECKOUT =
      "predictive_scaler_workload_paused{namespace=\"shop\",workload=\"checkout\",} ";
  private static final String OUTSIDER_TOKEN = "checkout-pod-token";

  KubernetesClient client;
  KubernetesMockServer server;
  private ServiceHarness harness;
  private FakeAccessReviews reviews;
  private ScalerService service;

  @BeforeEach
  void startAndTickOnce() throws Exception {
    harness = new ServiceHarness(client, ServiceHarness.T0);
    reviews =
        harness
            .withKubernetesOpsAuth(server)
            .token(OUTSIDER_TOKEN, "system:serviceaccount:shop:checkout");
    service = harness.startCheckoutAfterOneTick(20);
  }

  @AfterEach
  void tearDown() {
    harness.close();
    client.close();
    MockApiServerShutdown.shutDown(server);
  }

  @Test
  void healthAndReadinessAnswerWithoutAToken() throws Exception {
    HttpResponse<String> health = harness.get(service, "/healthz", null);
    HttpResponse<String> ready = harness.get(service, "/readyz", null);

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("ok\n");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(ready.body()).get("ready").asBoolean()).isTrue();
  }

  @Test
  void metricsHoldWorkloadVertxAndResilienceMeters() throws Exception {
    String metrics = harness.get(service, "/metrics").body();

    assertThat(metrics)
        .contains(
            "predictive_scaler_replicas_desired{namespace=\"shop\",workload=\"checkout\",} 6.0")
        .contains(
            "predictive_scaler_load_observed{namespace=\"shop\",workload=\"checkout\",} 950.0")
        .contains("predictive_scaler_shadow_hpa_replicas{namespace=\"shop\",workload=\"checkout\"")
        .contains("vertx_")
        .contains("predictive_scaler_collector_circuitbreaker_state{")
        .contains("predictive_scaler_collector_backfilled_points_total{source=\"prometheus\",}")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void metricsHoldTheBuildTheTickDurationAndThePauseOfEachWorkload() throws Exception {
    String metrics = harness.get(service, "/metrics").body();

    assertThat(metrics)
        .contains(
            "predictive_scaler_build_info{java_version=\""
                + System.getProperty("java.version")
                + "\",revision=\""
                + BuildVersion.revision()
                + "\",version=\""
                + BuildVersion.current()
                + "\",} 1.0")
        .contains("predictive_scaler_tick_duration_seconds_count 1.0")
        .contains("predictive_scaler_tick_duration_seconds_bucket{le=\"1.0\",}")
        .contains(PAUSED_CHECKOUT + "0.0");
  }

  @Test
  void theLeaderGaugeIsOneOnTheLeader() {
    await()
        .atMost(ServiceHarness.WAIT)
        .until(() -> metrics().contains("predictive_scaler_leader 1.0"));
  }

  @Test
  void thePausedGaugeFollowsTheDeploymentsAnnotation() {
    client
        .apps()
        .deployments()
        .inNamespace(ServiceHarness.NS)
        .withName("checkout")
        .edit(
            d ->
                new DeploymentBuilder(d)
                    .editMetadata()
                    .addToAnnotations(ScalerAnnotations.PAUSED, "true")
                    .endMetadata()
                    .build());

    await().atMost(ServiceHarness.WAIT).until(() -> metrics().contains(PAUSED_CHECKOUT + "1.0"));
  }

  @Test
  void workloadsListsThePolicyAndTheLastDecisionWithItsTrace() throws Exception {
    HttpResponse<String> response = harness.get(service, "/api/v1/workloads");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode workload = JSON.readTree(response.body()).get("workloads").get(0);
    assertThat(workload.get("name").asText()).isEqualTo("checkout");
    assertThat(workload.get("mode").asText()).isEqualTo("scale");
    assertThat(workload.at("/policy/maxReplicas").asInt()).isEqualTo(20);
    assertThat(workload.at("/policy/step").asText()).isEqualTo("15s");
    assertThat(workload.at("/lastDecision/from").asInt()).isEqualTo(2);
    assertThat(workload.at("/lastDecision/to").asInt()).isEqualTo(6);
    assertThat(workload.at("/lastDecision/actuation/outcome").asText()).isEqualTo("applied");
    assertThat(workload.at("/lastDecision/trace/0/stage").asText()).isEqualTo("reactive");
    assertThat(workload.get("trusted").asBoolean()).isFalse();
    assertThat(workload.get("trustReason").asText()).isNotBlank();
  }

  @Test
  void oneWorkloadShowsForecastVersusActual() throws Exception {
    HttpResponse<String> found = harness.get(service, "/api/v1/workloads/shop/checkout");
    HttpResponse<String> missing = harness.get(service, "/api/v1/workloads/shop/nope");

    assertThat(found.statusCode()).isEqualTo(200);
    JsonNode points = JSON.readTree(found.body()).get("forecastVsActual");
    assertThat(points).hasSize(1);
    assertThat(points.get(0).get("actual").asDouble()).isEqualTo(950.0);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(missing.body()).get("error").asText())
        .isEqualTo("no policy covers workload shop/nope");
  }

  @Test
  void metricsAndTheApiNeedATokenThatKubernetesAcceptsAndAllows() throws Exception {
    for (String path : List.of("/metrics", "/api/v1/workloads")) {
      HttpResponse<String> noToken = harness.get(service, path, null);
      HttpResponse<String> unknownToken = harness.get(service, path, "forged");
      HttpResponse<String> outsider = harness.get(service, path, OUTSIDER_TOKEN);
      HttpResponse<String> reader = harness.get(service, path, ServiceHarness.OPS_READER_TOKEN);

      assertThat(noToken.statusCode()).as(path).isEqualTo(401);
      assertThat(unknownToken.statusCode()).as(path).isEqualTo(401);
      assertThat(outsider.statusCode()).as(path).isEqualTo(403);
      assertThat(outsider.body())
          .isEqualTo(
              "Forbidden: user \"system:serviceaccount:shop:checkout\" may not get " + path + "\n");
      assertThat(reader.statusCode()).as(path).isEqualTo(200);
    }
  }

  @Test
  void repeatedScrapesReuseTheReviews() throws Exception {
    for (int scrape = 0; scrape < 5; scrape++) {
      assertThat(harness.get(service, "/metrics").statusCode()).isEqualTo(200);
    }

    assertThat(reviews.tokenReviews()).isEqualTo(1);
    assertThat(reviews.accessReviews()).isEqualTo(1);
  }

  private String metrics() throws Exception {
    return harness.get(service, "/metrics").body();
  }
}
