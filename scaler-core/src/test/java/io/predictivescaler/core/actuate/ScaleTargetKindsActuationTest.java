package io.predictivescaler.core.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadKind;
import io.predictivescaler.core.kube.ApiCall;
import io.predictivescaler.core.kube.Fixtures;
import io.predictivescaler.core.kube.MockApiServerShutdown;
import io.predictivescaler.core.kube.NoBuiltInRetries;
import io.predictivescaler.core.kube.ScaleSubresourceMockServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scale mode, hpa-floor mode, refusal, pause and the 409 re-read for a StatefulSet and a custom
 * resource with a scale subresource (an Argo Rollout), as for Deployments.
 */
class ScaleTargetKindsActuationTest {

  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  private static KubernetesMockServer server;
  private static KubernetesClient client;

  private String ns;
  private TargetRef db;
  private TargetRef web;
  private ScaleSubresourceActuator scale;
  private HpaFloorActuator floor;

  @BeforeAll
  static void startServer() {
    server = ScaleSubresourceMockServer.start();
    client = server.createClient(new NoBuiltInRetries());
    Fixtures.rolloutDefinition(client);
  }

  @AfterAll
  static void stopServer() {
    client.close();
    MockApiServerShutdown.shutDown(server);
  }

  @BeforeEach
  void setUp() throws InterruptedException {
    ns = "kinds" + NAMESPACES.incrementAndGet();
    db = new TargetRef(WorkloadKind.STATEFUL_SET, ns, "db");
    web = Fixtures.rolloutRef(ns, "web");
    ApiRetry retry = ScaleSubresourceActuatorTest.noWaitRetry(3, d -> {});
    scale = new ScaleSubresourceActuator(client, retry, WriteFence.OPEN);
    floor = new HpaFloorActuator(client, retry, WriteFence.OPEN);
    ApiCall.drain(server);
  }

  @Test
  void scalesAStatefulSetThroughItsScaleSubresourceOnly() throws Exception {
    Fixtures.statefulSet(client, ns, "db", 2, Map.of());
    ApiCall.drain(server);

    ActuationResult result = scale.apply(db, 2, 5);

    assertThat(result).isEqualTo(ActuationResult.applied(2, 5));
    assertThat(client.apps().statefulSets().inNamespace(ns).withName("db").get().getSpec())
        .satisfies(s -> assertThat(s.getReplicas()).isEqualTo(5));
    assertThat(writes())
        .containsExactly("PATCH /apis/apps/v1/namespaces/" + ns + "/statefulsets/db/scale");
  }

  @Test
  void scalesACustomResourceThroughItsScaleSubresourceOnly() throws Exception {
    Fixtures.rollout(client, ns, "web", 3, Map.of());
    ApiCall.drain(server);

    ActuationResult result = scale.apply(web, 3, 7);

    assertThat(result).isEqualTo(ActuationResult.applied(3, 7));
    assertThat(rolloutReplicas()).isEqualTo(7);
    assertThat(writes())
        .containsExactly(
            "PATCH /apis/argoproj.io/v1alpha1/namespaces/" + ns + "/rollouts/web/scale");
  }

  @Test
  void reReadsAndRetriesOnceWhenTheCustomResourceChangedSinceItWasRead() throws Exception {
    Fixtures.rollout(client, ns, "web", 3, Map.of());
    String scalePath = "/apis/argoproj.io/v1alpha1/namespaces/" + ns + "/rollouts/web/scale";
    String stale =
        client
            .genericKubernetesResources(Fixtures.ROLLOUT.apiVersion(), "Rollout")
            .inNamespace(ns)
            .withName("web")
            .get()
            .getMetadata()
            .getResourceVersion();
    client
        .genericKubernetesResources(Fixtures.ROLLOUT.apiVersion(), "Rollout")
        .inNamespace(ns)
        .withName("web")
        .edit(
            r -> {
              r.getMetadata().setLabels(Map.of("edited", "by-someone-else"));
              return r;
            });
    server.expect().get().withPath(scalePath).andReturn(200, scaleJson("web", stale, 3)).once();
    ApiCall.drain(server);

    ActuationResult result = scale.apply(web, 3, 6);

    assertThat(result).isEqualTo(ActuationResult.applied(3, 6));
    assertThat(rolloutReplicas()).isEqualTo(6);
    assertThat(writes()).hasSize(2); // the stale write answered 409, then one after re-reading
  }

  @Test
  void leavesAPausedCustomResourceAlone() throws Exception {
    Fixtures.rollout(client, ns, "web", 3, Map.of(ScalerAnnotations.PAUSED, "true"));
    ApiCall.drain(server);

    ActuationResult result = scale.apply(web, 3, 6);

    assertThat(result.outcome()).isEqualTo(ActuationOutcome.PAUSED);
    assertThat(rolloutReplicas()).isEqualTo(3);
    assertThat(writes()).isEmpty();
  }

  @Test
  void refusesACustomResourceThatAnHpaScales() throws Exception {
    Fixtures.rollout(client, ns, "web", 3, Map.of());
    Fixtures.hpa(client, ns, "web-cpu", web, 3, 10);
    ApiCall.drain(server);

    ActuationResult result = scale.apply(web, 3, 6);

    assertThat(result.outcome()).isEqualTo(ActuationOutcome.REFUSED);
    assertThat(result.reason()).isEqualTo("ConflictingAutoscaler");
    assertThat(result.message())
        .startsWith("Rollout.argoproj.io " + ns + "/web is already scaled by")
        .contains("HorizontalPodAutoscaler " + ns + "/web-cpu");
    assertThat(writes()).isEmpty();
  }

  @Test
  void refusesAStatefulSetThatAKedaScaledObjectScales() {
    Fixtures.statefulSet(client, ns, "db", 2, Map.of());
    client
        .genericKubernetesResources(OwnershipCheck.SCALED_OBJECTS)
        .inNamespace(ns)
        .resource(
            new GenericKubernetesResourceBuilder()
                .withApiVersion("keda.sh/v1alpha1")
                .withKind("ScaledObject")
                .withNewMetadata()
                .withName("db-queue")
                .withNamespace(ns)
                .endMetadata()
                .withAdditionalProperties(
                    Map.of(
                        "spec",
                        Map.of(
                            "scaleTargetRef",
                            Map.of("apiVersion", "apps/v1", "kind", "StatefulSet", "name", "db"))))
                .build())
        .create();

    ActuationResult result = scale.apply(db, 2, 4);

    assertThat(result.outcome()).isEqualTo(ActuationOutcome.REFUSED);
    assertThat(result.message()).contains("ScaledObject " + ns + "/db-queue");
  }

  @Test
  void autoscalersOfAnotherKindWithTheSameNameDoNotOwnTheTarget() {
    Fixtures.statefulSet(client, ns, "web", 2, Map.of());
    Fixtures.hpa(client, ns, "web-deployment", "web", 2, 10); // scaleTargetRef: Deployment web
    Fixtures.hpa(
        client,
        ns,
        "web-other-group",
        new TargetRef(new WorkloadKind("example.com/v1", "StatefulSet"), ns, "web"),
        2,
        10);
    Fixtures.scaledObject(client, ns, "web-queue", "web"); // KEDA's default kind: Deployment

    ActuationResult result = scale.apply(new TargetRef(WorkloadKind.STATEFUL_SET, ns, "web"), 2, 4);

    assertThat(result).isEqualTo(ActuationResult.applied(2, 4));
  }

  @Test
  void refusesACustomResourceThatDoesNotExist() {
    ActuationResult result = scale.apply(web, 2, 4);

    assertThat(result.outcome()).isEqualTo(ActuationOutcome.REFUSED);
    assertThat(result.reason()).isEqualTo("TargetNotFound");
  }

  @Test
  void failsSayingSoWhenTheKindIsNotServed() {
    TargetRef widget = new TargetRef(new WorkloadKind("example.com/v1", "Widget"), ns, "w");

    ActuationResult result = scale.apply(widget, 2, 4);

    assertThat(result.outcome()).isEqualTo(ActuationOutcome.FAILED);
    assertThat(result.message()).contains("serves no kind Widget in example.com/v1");
  }

  @Test
  void raisesTheFloorOfTheHpaThatScalesAStatefulSet() {
    Fixtures.statefulSet(client, ns, "db", 2, Map.of());
    Fixtures.hpa(client, ns, "db", db, 2, 10);

    ActuationResult result = floor.apply(db, 2, 6);

    assertThat(result).isEqualTo(ActuationResult.applied(2, 6));
    assertThat(hpa("db").getSpec().getMinReplicas()).isEqualTo(6);
  }

  @Test
  void aPausedCustomResourceKeepsItsHpaFloor() {
    Fixtures.rollout(client, ns, "web", 3, Map.of(ScalerAnnotations.PAUSED, "true"));
    Fixtures.hpa(client, ns, "web", web, 3, 10);

    ActuationResult result = floor.apply(web, 3, 6);

    assertThat(result.outcome()).isEqualTo(ActuationOutcome.PAUSED);
    assertThat(hpa("web").getSpec().getMinReplicas()).isEqualTo(3);
  }

  @Test
  void theRestorerKnowsTheCustomResourceARaisedHpaScales() {
    Fixtures.rollout(client, ns, "web", 3, Map.of());
    Fixtures.hpa(client, ns, "web", web, 3, 10);
    floor.apply(web, 3, 6);
    List<TargetRef> asked = new ArrayList<>();

    HpaFloorRestorer.Report kept =
        new HpaFloorRestorer(client, floor).restore(List.of(ns), t -> asked.add(t));
    HpaFloorRestorer.Report restored =
        new HpaFloorRestorer(client, floor).restore(List.of(ns), t -> false);

    assertThat(asked).containsExactly(web);
    assertThat(kept.restored()).isEmpty();
    assertThat(restored.restored()).containsExactly(ns + "/web");
    assertThat(hpa("web").getSpec().getMinReplicas()).isEqualTo(3);
  }

  private HorizontalPodAutoscaler hpa(String name) {
    return client
        .autoscaling()
        .v2()
        .horizontalPodAutoscalers()
        .inNamespace(ns)
        .withName(name)
        .get();
  }

  private int rolloutReplicas() {
    Map<?, ?> spec =
        (Map<?, ?>)
            client
                .genericKubernetesResources(Fixtures.ROLLOUT.apiVersion(), "Rollout")
                .inNamespace(ns)
                .withName("web")
                .get()
                .getAdditionalProperties()
                .get("spec");
    return ((Number) spec.get("replicas")).intValue();
  }

  /** The writes since the last drain, as "METHOD path". */
  private List<String> writes() throws InterruptedException {
    return ApiCall.drain(server).stream()
        .filter(r -> !r.getMethod().equals("GET"))
        .map(ScaleTargetKindsActuationTest::line)
        .toList();
  }

  private static String line(RecordedRequest request) {
    return request.getMethod() + " " + request.getPath();
  }

  private String scaleJson(String name, String resourceVersion, int replicas) {
    return "{\"apiVersion\":\"autoscaling/v1\",\"kind\":\"Scale\",\"metadata\":{\"name\":\""
        + name
        + "\",\"namespace\":\""
        + ns
        + "\",\"resourceVersion\":\""
        + resourceVersion
        + "\"},\"spec\":{\"replicas\":"
        + replicas
        + "},\"status\":{\"replicas\":"
        + replicas
        + ",\"selector\":\"app="
        + name
        + "\"}}";
  }
}
