package io.predictivescaler.core.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadKind;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Any kind's object and /scale subresource through the generic API. */
class ScaleTargetApiTest {

  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  private static KubernetesMockServer server;
  private static KubernetesClient client;

  private String ns;
  private ScaleTargetApi api;

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
    ns = "api" + NAMESPACES.incrementAndGet();
    api = new ScaleTargetApi(client);
  }

  @Test
  void readsTheScaleOfABuiltInKindWithTheSelectorOfItsPods() {
    Fixtures.statefulSet(client, ns, "db", 3, Map.of());
    String resourceVersion =
        client
            .apps()
            .statefulSets()
            .inNamespace(ns)
            .withName("db")
            .get()
            .getMetadata()
            .getResourceVersion();

    ScaleView scale = api.scale(new TargetRef(WorkloadKind.STATEFUL_SET, ns, "db")).orElseThrow();

    assertThat(scale.desired()).isEqualTo(3);
    assertThat(scale.selector()).contains("app=db");
    assertThat(scale.resourceVersion()).isEqualTo(resourceVersion);
  }

  @Test
  void readsTheScaleOfACustomResourceFoundByDiscovery() {
    Fixtures.rollout(client, ns, "web", 2, Map.of("team", "shop"));
    TargetRef web = Fixtures.rolloutRef(ns, "web");

    assertThat(api.scale(web))
        .get()
        .satisfies(
            s -> {
              assertThat(s.desired()).isEqualTo(2);
              assertThat(s.current()).isEqualTo(2);
              assertThat(s.selector()).contains("app=web");
            });
    assertThat(api.object(web).orElseThrow().getMetadata().getAnnotations())
        .containsEntry("team", "shop");
  }

  @Test
  void aMissingObjectIsEmptyForEveryKind() {
    assertThat(api.scale(new TargetRef(WorkloadKind.REPLICA_SET, ns, "gone"))).isEmpty();
    assertThat(api.scale(Fixtures.rolloutRef(ns, "gone"))).isEmpty();
    assertThat(api.object(Fixtures.rolloutRef(ns, "gone"))).isEmpty();
  }

  @Test
  void aKindTheApiServerDoesNotServeIsAnErrorThatSaysSo() {
    TargetRef unknown = new TargetRef(new WorkloadKind("example.com/v1", "Widget"), ns, "w");

    assertThatThrownBy(() -> api.scale(unknown))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("serves no kind Widget in example.com/v1");
  }

  @Test
  void writesReplicasThroughScaleWithTheResourceVersionAsPrecondition() {
    Fixtures.rollout(client, ns, "web", 2, Map.of());
    TargetRef web = Fixtures.rolloutRef(ns, "web");
    String read = api.scale(web).orElseThrow().resourceVersion();

    api.patchReplicas(web, read, 5);

    assertThat(api.scale(web).map(ScaleView::desired)).isEqualTo(Optional.of(5));
    assertThatThrownBy(() -> api.patchReplicas(web, read, 7))
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
    assertThat(api.scale(web).map(ScaleView::desired)).isEqualTo(Optional.of(5));
  }
}
