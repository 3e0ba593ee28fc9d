package io.predictivescaler.core.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.kube.Fixtures;
import io.predictivescaler.core.kube.NoBuiltInRetries;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(
    crud = true,
    https = false,
    kubernetesClientBuilderCustomizer = NoBuiltInRetries.class)
class HpaFloorRestorerTest {

  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  static KubernetesClient client;
  static KubernetesMockServer server;

  private String ns;
  private HpaFloorActuator actuator;
  private HpaFloorRestorer restorer;

  @BeforeEach
  void setUp() {
    ns = "restore" + NAMESPACES.incrementAndGet();
    actuator =
        new HpaFloorActuator(
            client, ScaleSubresourceActuatorTest.noWaitRetry(3, d -> {}), WriteFence.OPEN);
    restorer = new HpaFloorRestorer(client, actuator);
    for (String name : List.of("checkout", "cart", "search")) {
      Fixtures.deployment(client, ns, name, 2);
      Fixtures.hpa(client, ns, name, name, 2, 10);
    }
  }

  @Test
  void restoresRaisedFloorsThatNoPolicyRaisesAnyMore() {
    actuator.apply(TargetRef.deployment(ns, "checkout"), 2, 6);
    actuator.apply(TargetRef.deployment(ns, "cart"), 2, 5);

    HpaFloorRestorer.Report report =
        restorer.restore(List.of(ns), Set.of(TargetRef.deployment(ns, "cart"))::contains);

    assertThat(report.restored()).containsExactly(ns + "/checkout");
    assertThat(report.failed()).isEmpty();
    assertThat(min("checkout")).isEqualTo(2);
    assertThat(annotations("checkout").get(ScalerAnnotations.ORIGINAL_MIN_REPLICAS)).isNull();
    assertThat(min("cart")).isEqualTo(5); // still raised by its policy
    assertThat(min("search")).isEqualTo(2);
  }

  @Test
  void leavesFloorsAloneWhileTheLeaseIsLost() {
    actuator.apply(TargetRef.deployment(ns, "checkout"), 2, 6);
    HpaFloorRestorer follower =
        new HpaFloorRestorer(
            client,
            new HpaFloorActuator(
                client, ScaleSubresourceActuatorTest.noWaitRetry(3, d -> {}), () -> false));

    HpaFloorRestorer.Report report = follower.restore(List.of(ns), t -> false);

    assertThat(report.restored()).isEmpty();
    assertThat(report.failed()).hasSize(1);
    assertThat(min("checkout")).isEqualTo(6);
  }

  @Test
  void aFailedRestoreIsFoundAgainOnTheNextRun() {
    actuator.apply(TargetRef.deployment(ns, "checkout"), 2, 6);
    server
        .expect()
        .patch()
        .withPath("/apis/autoscaling/v2/namespaces/" + ns + "/horizontalpodautoscalers/checkout")
        .andReturn(503, "{}")
        .times(3);

    HpaFloorRestorer.Report first = restorer.restore(List.of(ns), t -> false);
    HpaFloorRestorer.Report second = restorer.restore(List.of(ns), t -> false);

    assertThat(first.failed()).hasSize(1);
    assertThat(min("checkout")).isEqualTo(2);
    assertThat(second.failed()).isEmpty();
    assertThat(first.restored()).isEmpty();
    assertThat(second.restored()).containsExactly(ns + "/checkout");
  }

  private int min(String name) {
    return hpa(name).getSpec().getMinReplicas();
  }

  private Map<String, String> annotations(String name) {
    var annotations = hpa(name).getMetadata().getAnnotations();
    return annotations == null ? Map.of() : annotations;
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
}
