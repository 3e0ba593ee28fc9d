package io.predictivescaler.core.service;

import static io.predictivescaler.core.service.ServiceHarness.NS;
import static io.predictivescaler.core.service.ServiceHarness.WAIT;
import static io.predictivescaler.core.service.ServiceHarness.query;
import static io.predictivescaler.core.service.ServiceHarness.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.predictivescaler.core.actuate.ActuationOutcome;
import io.predictivescaler.core.actuate.ScalerAnnotations;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadKind;
import io.predictivescaler.core.kube.Fixtures;
import io.predictivescaler.core.kube.MockApiServerShutdown;
import io.predictivescaler.core.kube.ScaleSubresourceMockServer;
import io.predictivescaler.core.tick.ReplicaCounts;
import io.predictivescaler.core.tick.TickOutcome;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service end to end with a StatefulSet and a custom resource with a scale subresource (an Argo
 * Rollout): the replicas it decides from (the Scale, and the Ready pods of its selector), the write
 * through {@code /scale}, the refusal when an HPA scales it, the pause annotation, and Events on
 * the target. The mock server is {@link ScaleSubresourceMockServer}: CRUD mode, with {@code /scale}
 * reads answered as the API server does (selector included).
 */
class ScaleTargetKindsIT {

  private static final TargetRef DB = new TargetRef(WorkloadKind.STATEFUL_SET, NS, "db");
  private static final TargetRef WEB = Fixtures.rolloutRef(NS, "web");

  private KubernetesMockServer server;
  private KubernetesClient client;
  private ServiceHarness harness;

  @BeforeEach
  void setUp() {
    server = ScaleSubresourceMockServer.start();
    client = server.createClient();
    Fixtures.rolloutDefinition(client);
    harness = new ServiceHarness(client, ServiceHarness.T0);
    harness.prometheus.load(query("db"), t -> 950);
    harness.prometheus.load(query("web"), t -> 950);
  }

  @AfterEach
  void tearDown() {
    harness.close();
    client.close();
    MockApiServerShutdown.shutDown(server);
  }

  @Test
  void aStatefulSetIsScaledThroughItsScaleSubresource() throws Exception {
    Fixtures.statefulSet(client, NS, "db", 2, Map.of());
    Fixtures.pod(client, NS, "db-0", "db", true);
    Fixtures.pod(client, NS, "db-1", "db", true);
    harness.policies("workloads:\n" + workload("db", "scale", 1, 20, "StatefulSet"));
    ScalerService service = harness.startLeader(DB);

    TickOutcome.Decided outcome = harness.tick(service, "db");

    assertThat(outcome.observation().currentReplicas()).isEqualTo(2);
    assertThat(outcome.observation().readyReplicas()).isEqualTo(2);
    assertThat(outcome.decision().replicas()).isEqualTo(6);
    assertThat(outcome.actuation().outcome()).isEqualTo(ActuationOutcome.APPLIED);
    assertThat(client.apps().statefulSets().inNamespace(NS).withName("db").get())
        .satisfies(s -> assertThat(s.getSpec().getReplicas()).isEqualTo(6));
    HttpResponse<String> status = harness.get(service, "/api/v1/workloads/shop/db");
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(status.body()).contains("\"apiVersion\":\"apps/v1\",\"kind\":\"StatefulSet\"");
    Event event = awaitEventAbout("StatefulSet");
    assertThat(event.getInvolvedObject().getApiVersion()).isEqualTo("apps/v1");
    assertThat(event.getInvolvedObject().getName()).isEqualTo("db");
    assertThat(event.getInvolvedObject().getUid())
        .isEqualTo(
            client
                .apps()
                .statefulSets()
                .inNamespace(NS)
                .withName("db")
                .get()
                .getMetadata()
                .getUid());
  }

  @Test
  void theTickSeesTheNewPodsOfAStatefulSetBecomeReady() throws Exception {
    Fixtures.statefulSet(client, NS, "db", 2, Map.of());
    Fixtures.pod(client, NS, "db-0", "db", true);
    Fixtures.pod(client, NS, "db-1", "db", true);
    harness.policies("workloads:\n" + workload("db", "scale", 1, 20, "StatefulSet"));
    ScalerService service = harness.startLeader(DB);
    harness.tick(service, "db"); // 2 -> 6
    for (int i = 2; i < 6; i++) {
      Fixtures.pod(client, NS, "db-" + i, "db", i < 4); // two Ready, two starting
    }

    await()
        .atMost(WAIT)
        .until(() -> service.replicaCounts(DB).orElseThrow().equals(new ReplicaCounts(6, 4)));
    harness.clock.advance(ServiceHarness.STEP);
    TickOutcome.Decided next = harness.tick(service, "db");

    // what the lead-time measurement follows: 6 asked for, 4 of them Ready so far
    assertThat(next.observation().currentReplicas()).isEqualTo(6);
    assertThat(next.observation().readyReplicas()).isEqualTo(4);
  }

  @Test
  void aCustomResourceIsScaledThroughItsScaleSubresource() throws Exception {
    Fixtures.rollout(client, NS, "web", 3, Map.of());
    Fixtures.pod(client, NS, "web-a", "web", true);
    Fixtures.pod(client, NS, "web-b", "web", false);
    harness.policies("workloads:\n" + workload("web", "scale", 1, 20, "Rollout"));
    ScalerService service = harness.startLeader(WEB);

    TickOutcome.Decided outcome = harness.tick(service, "web");

    assertThat(outcome.observation().currentReplicas()).isEqualTo(3);
    assertThat(outcome.observation().readyReplicas()).isEqualTo(1);
    assertThat(outcome.actuation().outcome()).isEqualTo(ActuationOutcome.APPLIED);
    assertThat(outcome.actuation().toReplicas()).isEqualTo(outcome.decision().replicas());
    assertThat(rolloutReplicas()).isEqualTo(outcome.decision().replicas()).isGreaterThan(3);
    Event event = awaitEventAbout("Rollout");
    assertThat(event.getInvolvedObject().getApiVersion()).isEqualTo("argoproj.io/v1alpha1");
  }

  @Test
  void scaleModeRefusesACustomResourceAnHpaControls() throws Exception {
    Fixtures.rollout(client, NS, "web", 3, Map.of());
    Fixtures.hpa(client, NS, "web", WEB, 3, 10);
    harness.policies("workloads:\n" + workload("web", "scale", 1, 20, "Rollout"));
    ScalerService service = harness.startLeader(WEB);

    TickOutcome.Decided outcome = harness.tick(service, "web");

    assertThat(outcome.actuation().outcome()).isEqualTo(ActuationOutcome.REFUSED);
    assertThat(rolloutReplicas()).isEqualTo(3);
    await().atMost(WAIT).until(() -> harness.event("ConflictingAutoscaler").isPresent());
    assertThat(harness.event("ConflictingAutoscaler").orElseThrow().getMessage())
        .contains("Rollout.argoproj.io shop/web is already scaled by HorizontalPodAutoscaler");
  }

  @Test
  void thePauseAnnotationOnACustomResourceStopsTheWrite() throws Exception {
    Fixtures.rollout(client, NS, "web", 3, Map.of(ScalerAnnotations.PAUSED, "true"));
    harness.policies("workloads:\n" + workload("web", "scale", 1, 20, "Rollout"));
    ScalerService service = harness.startLeader(WEB);

    TickOutcome.Decided outcome = harness.tick(service, "web");

    assertThat(outcome.actuation().outcome()).isEqualTo(ActuationOutcome.PAUSED);
    assertThat(rolloutReplicas()).isEqualTo(3);
    await().atMost(WAIT).until(() -> harness.event("ScalingPaused").isPresent());
    assertThat(harness.get(service, "/metrics").body())
        .contains("predictive_scaler_workload_paused{namespace=\"shop\",workload=\"web\",} 1.0");
  }

  @Test
  void thePausedGaugeFollowsTheAnnotationOfAStatefulSet() throws Exception {
    Fixtures.statefulSet(client, NS, "db", 2, Map.of());
    harness.policies("workloads:\n" + workload("db", "dry-run", 1, 20, "StatefulSet"));
    ScalerService service = harness.startLeader(DB);
    harness.tick(service, "db");
    String gauge = "predictive_scaler_workload_paused{namespace=\"shop\",workload=\"db\",} ";
    assertThat(harness.get(service, "/metrics").body()).contains(gauge + "0.0");

    client
        .apps()
        .statefulSets()
        .inNamespace(NS)
        .withName("db")
        .edit(
            s -> {
              s.getMetadata().setAnnotations(Map.of(ScalerAnnotations.PAUSED, "true"));
              return s;
            });

    await()
        .atMost(WAIT)
        .until(() -> harness.get(service, "/metrics").body().contains(gauge + "1.0"));
  }

  @Test
  void aScaleTargetTheScalerMayNotReadMakesItUnready() {
    Fixtures.statefulSet(client, NS, "db", 2, Map.of());
    server
        .expect()
        .get()
        .withPath("/apis/apps/v1/namespaces/shop/statefulsets/db/scale")
        .andReturn(
            403,
            new StatusBuilder()
                .withCode(403)
                .withReason("Forbidden")
                .withMessage("statefulsets.apps \"db\" is forbidden")
                .build())
        .always();
    harness.policies("workloads:\n" + workload("db", "dry-run", 1, 20, "StatefulSet"));
    ScalerService service = harness.start("scaler-0");

    await()
        .atMost(WAIT)
        .until(() -> service.readiness().failing().stream().anyMatch(f -> f.contains("db")));

    assertThat(service.readiness().isReady()).isFalse();
    assertThat(service.readiness().failing())
        .contains(
            "api: cannot read 1 scale target(s) (API server unreachable or access denied):"
                + " StatefulSet shop/db: HTTP 403");
  }

  @Test
  void hpaFloorModeRaisesTheFloorOfTheHpaOfAStatefulSet() throws Exception {
    Fixtures.statefulSet(client, NS, "db", 2, Map.of());
    Fixtures.pod(client, NS, "db-0", "db", true);
    Fixtures.pod(client, NS, "db-1", "db", true);
    Fixtures.hpa(client, NS, "db", DB, 2, 10);
    harness.policies("workloads:\n" + workload("db", "hpa-floor", 1, 20, "StatefulSet"));
    ScalerService service = harness.startLeader(DB);

    TickOutcome.Decided outcome = harness.tick(service, "db");

    assertThat(outcome.actuation().outcome()).isEqualTo(ActuationOutcome.APPLIED);
    assertThat(
            client
                .autoscaling()
                .v2()
                .horizontalPodAutoscalers()
                .inNamespace(NS)
                .withName("db")
                .get()
                .getSpec()
                .getMinReplicas())
        .isEqualTo(6);
    assertThat(client.apps().statefulSets().inNamespace(NS).withName("db").get())
        .satisfies(s -> assertThat(s.getSpec().getReplicas()).isEqualTo(2));
  }

  /** A workload of {@link ServiceHarness#workload} whose target is of {@code kind}. */
  private static String workload(String name, String mode, int min, int max, String kind) {
    String target =
        kind.equals("Rollout")
            ? "{apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: " + name + "}"
            : "{kind: " + kind + ", name: " + name + "}";
    return ServiceHarness.workload(name, mode, min, max)
        .replace("target: {name: " + name + "}", "target: " + target);
  }

  private Event awaitEventAbout(String kind) {
    await()
        .atMost(WAIT)
        .until(
            () ->
                client.v1().events().inNamespace(NS).list().getItems().stream()
                    .anyMatch(e -> kind.equals(e.getInvolvedObject().getKind())));
    return client.v1().events().inNamespace(NS).list().getItems().stream()
        .filter(e -> kind.equals(e.getInvolvedObject().getKind()))
        .findFirst()
        .orElseThrow();
  }

  private int rolloutReplicas() {
    Map<?, ?> spec =
        (Map<?, ?>)
            client
                .genericKubernetesResources(Fixtures.ROLLOUT.apiVersion(), "Rollout")
                .inNamespace(NS)
                .withName("web")
                .get()
                .getAdditionalProperties()
                .get("spec");
    return ((Number) spec.get("replicas")).intValue();
  }
}
