package io.predictivescaler.core.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.predictivescaler.core.actuate.ScalerAnnotations;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadKind;
import io.predictivescaler.core.tick.ReplicaCounts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Non-Deployment targets: replica counts (desired from /scale, ready from its pods), the pause
 * annotation, and what the readiness check hears when they cannot be read.
 */
class ScaleTargetPollerTest {

  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  private static KubernetesMockServer server;
  private static KubernetesClient client;

  private String ns;
  private ScaleTargetPoller poller;

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
  void setUp() {
    ns = "poll" + NAMESPACES.incrementAndGet();
    // never started: the test reads on its own thread with refresh()
    poller = new ScaleTargetPoller(new ScaleTargetApi(client), Duration.ofHours(1));
  }

  @Test
  void readyPodsOfTheScaleSelectorAreTheReadyCount() {
    TargetRef db = new TargetRef(WorkloadKind.STATEFUL_SET, ns, "db");
    TargetRef web = Fixtures.rolloutRef(ns, "web");
    Fixtures.statefulSet(client, ns, "db", 3, Map.of());
    Fixtures.rollout(client, ns, "web", 4, Map.of());
    Fixtures.pod(client, ns, "db-0", "db", true);
    Fixtures.pod(client, ns, "db-1", "db", true);
    Fixtures.pod(client, ns, "db-2", "db", false);
    Fixtures.pod(client, ns, "web-a", "web", true);
    Fixtures.pod(client, ns, "other", "other", true);

    poller.track(List.of(db, web));
    poller.refresh();

    assertThat(poller.replicas(db)).contains(new ReplicaCounts(3, 2));
    assertThat(poller.replicas(web)).contains(new ReplicaCounts(4, 1));
  }

  @Test
  void followsScaleUpsAndDropsTargetsThatGoOrAreNoLongerTracked() {
    TargetRef db = new TargetRef(WorkloadKind.STATEFUL_SET, ns, "db");
    TargetRef web = Fixtures.rolloutRef(ns, "web");
    Fixtures.statefulSet(client, ns, "db", 1, Map.of());
    Fixtures.rollout(client, ns, "web", 1, Map.of());
    poller.track(List.of(db, web));
    poller.refresh();

    client
        .apps()
        .statefulSets()
        .inNamespace(ns)
        .withName("db")
        .edit(
            s -> {
              s.getSpec().setReplicas(3);
              return s;
            });
    client
        .genericKubernetesResources(Fixtures.ROLLOUT.apiVersion(), "Rollout")
        .inNamespace(ns)
        .withName("web")
        .delete();
    poller.refresh();

    assertThat(poller.replicas(db)).contains(new ReplicaCounts(3, 0));
    assertThat(poller.replicas(web)).isEmpty();

    poller.track(List.of());
    assertThat(poller.replicas(db)).isEmpty();
  }

  @Test
  void deploymentsAreLeftToTheInformer() {
    TargetRef checkout = TargetRef.deployment(ns, "checkout");
    Fixtures.deployment(client, ns, "checkout", 2);

    poller.track(List.of(checkout));
    poller.refresh();

    assertThat(poller.replicas(checkout)).isEmpty();
  }

  @Test
  void withoutASelectorItsStatusReplicasCountAsReady() {
    TargetRef web = Fixtures.rolloutRef(ns, "web");
    GenericKubernetesResource rollout = Fixtures.rollout(client, ns, "web", 3, Map.of());
    rollout.setAdditionalProperty("status", Map.of("replicas", 2));
    client
        .genericKubernetesResources(Fixtures.ROLLOUT.apiVersion(), "Rollout")
        .inNamespace(ns)
        .resource(rollout)
        .update();

    poller.track(List.of(web));
    poller.refresh();

    assertThat(poller.replicas(web)).contains(new ReplicaCounts(3, 2));
  }

  @Test
  void readsThePauseAnnotationOfEveryKind() {
    TargetRef db = new TargetRef(WorkloadKind.STATEFUL_SET, ns, "db");
    TargetRef web = Fixtures.rolloutRef(ns, "web");
    Fixtures.statefulSet(client, ns, "db", 1, Map.of(ScalerAnnotations.PAUSED, "true"));
    Fixtures.rollout(client, ns, "web", 1, Map.of());

    poller.track(List.of(db, web));
    poller.refresh();

    assertThat(poller.isPaused(db)).isTrue();
    assertThat(poller.isPaused(web)).isFalse();
  }

  @Test
  void followsThePauseAnnotationBeingTakenOff() {
    TargetRef db = new TargetRef(WorkloadKind.STATEFUL_SET, ns, "db");
    Fixtures.statefulSet(client, ns, "db", 1, Map.of(ScalerAnnotations.PAUSED, "true"));
    poller.track(List.of(db));
    poller.refresh();

    client
        .apps()
        .statefulSets()
        .inNamespace(ns)
        .withName("db")
        .edit(
            s -> {
              s.getMetadata().getAnnotations().remove(ScalerAnnotations.PAUSED);
              return s;
            });
    poller.refresh();

    assertThat(poller.isPaused(db)).isFalse();
  }

  @Test
  void aTargetTheApiServerDeniesIsAReadinessProblemUntilItCanBeReadAgain() {
    TargetRef db = new TargetRef(WorkloadKind.STATEFUL_SET, ns, "db");
    Fixtures.statefulSet(client, ns, "db", 2, Map.of());
    server
        .expect()
        .get()
        .withPath("/apis/apps/v1/namespaces/" + ns + "/statefulsets/db/scale")
        .andReturn(
            403,
            new StatusBuilder()
                .withCode(403)
                .withReason("Forbidden")
                .withMessage("statefulsets.apps \"db\" is forbidden")
                .build())
        .once();
    poller.track(List.of(db));

    poller.refresh();
    assertThat(poller.problem())
        .contains(
            "api: cannot read 1 scale target(s) (API server unreachable or access denied):"
                + " StatefulSet "
                + ns
                + "/db: HTTP 403");

    poller.refresh();
    assertThat(poller.problem()).isEmpty();
    assertThat(poller.replicas(db)).contains(new ReplicaCounts(2, 0));
  }

  @Test
  void aKindTheApiServerDoesNotServeIsTheWorkloadsProblemNotTheScalers() {
    TargetRef missing = new TargetRef(new WorkloadKind("example.com/v1", "Missing"), ns, "thing");

    poller.track(List.of(missing));
    poller.refresh();

    assertThat(poller.replicas(missing)).isEmpty();
    assertThat(poller.problem()).isEmpty();
  }
}
