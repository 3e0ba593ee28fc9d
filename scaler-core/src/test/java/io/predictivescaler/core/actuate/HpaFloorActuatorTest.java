package io.predictivescaler.core.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.kube.Fixtures;
import io.predictivescaler.core.kube.NoBuiltInRetries;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(
    crud = true,
    https = false,
    kubernetesClientBuilderCustomizer = NoBuiltInRetries.class)
class HpaFloorActuatorTest {

  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  static KubernetesClient client;
  static KubernetesMockServer server;

  private String ns;
  private TargetRef checkout;
  private HpaFloorActuator actuator;

  @BeforeEach
  void setUp() {
    ns = "floor" + NAMESPACES.incrementAndGet();
    checkout = TargetRef.deployment(ns, "checkout");
    actuator =
        new HpaFloorActuator(
            client, ScaleSubresourceActuatorTest.noWaitRetry(3, d -> {}), WriteFence.OPEN);
    Fixtures.deployment(client, ns, "checkout", 2);
  }

  @Test
  void raisesTheFloorAheadOfPredictedLoadAndRemembersTheOriginal() {
    Fixtures.hpa(client, ns, "checkout", "checkout", 2, 10);

    ActuationResult result = actuator.apply(checkout, 2, 6);

    assertThat(result).isEqualTo(ActuationResult.applied(2, 6));
    HorizontalPodAutoscaler hpa = hpa();
    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(6);
    assertThat(hpa.getMetadata().getAnnotations())
        .containsEntry(ScalerAnnotations.ORIGINAL_MIN_REPLICAS, "2");
  }

  @Test
  void neverRaisesTheFloorAboveMaxReplicas() {
    Fixtures.hpa(client, ns, "checkout", "checkout", 2, 10);

    ActuationResult result = actuator.apply(checkout, 2, 50);

    assertThat(result.toReplicas()).isEqualTo(10);
    assertThat(hpa().getSpec().getMinReplicas()).isEqualTo(10);
  }

  @Test
  void lowersTheFloorLaterButNotBelowTheOriginal() {
    Fixtures.hpa(client, ns, "checkout", "checkout", 3, 10);
    actuator.apply(checkout, 3, 8);

    ActuationResult lowered = actuator.apply(checkout, 8, 5);
    ActuationResult bottom = actuator.apply(checkout, 5, 1);

    assertThat(lowered).isEqualTo(ActuationResult.applied(8, 5));
    assertThat(bottom).isEqualTo(ActuationResult.applied(5, 3));
    assertThat(hpa().getSpec().getMinReplicas()).isEqualTo(3);
    assertThat(hpa().getMetadata().getAnnotations())
        .containsEntry(ScalerAnnotations.ORIGINAL_MIN_REPLICAS, "3");
  }

  @Test
  void writesNothingWhenTheFloorIsAlreadyThere() {
    Fixtures.hpa(client, ns, "checkout", "checkout", 4, 10);

    ActuationResult result = actuator.apply(checkout, 4, 4);

    assertThat(result.outcome()).isEqualTo(ActuationOutcome.UNCHANGED);
    assertThat(hpa().getMetadata().getAnnotations())
        .doesNotContainKey(ScalerAnnotations.ORIGINAL_MIN_REPLICAS);
  }

  @Test
  void restoresTheOriginalFloorWhenTheWorkloadLeavesThePolicy() {
    Fixtures.hpa(client, ns, "checkout", "checkout", 2, 10);
    actuator.apply(checkout, 2, 7);

    ActuationResult result = actuator.release(checkout);

    assertThat(result).isEqualTo(ActuationResult.applied(7, 2));
    HorizontalPodAutoscaler hpa = hpa();
    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
    assertThat(hpa.getMetadata().getAnnotations().get(ScalerAnnotations.ORIGINAL_MIN_REPLICAS))
        .isNull();
  }

  @Test
  void releaseWithoutARaisedFloorChangesNothing() {
    Fixtures.hpa(client, ns, "checkout", "checkout", 2, 10);

    ActuationResult result = actuator.release(checkout);

    assertThat(result.outcome()).isEqualTo(ActuationOutcome.UNCHANGED);
    assertThat(hpa().getSpec().getMinReplicas()).isEqualTo(2);
  }

  @Test
  void refusesWhenNoHpaTargetsTheDeployment() {
    Fixtures.hpa(client, ns, "cart", "cart", 2, 10);

    ActuationResult result = actuator.apply(checkout, 2, 6);

    assertThat(result.outcome()).isEqualTo(ActuationOutcome.REFUSED);
    assertThat(result.reason()).isEqualTo("HPANotFound");
    assertThat(result.message()).contains(ns + "/checkout");
  }

  @Test
  void leavesTheFloorAloneWhileTheDeploymentIsPaused() {
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .withName("checkout")
        .edit(
            d -> {
              d.getMetadata().setAnnotations(Map.of(ScalerAnnotations.PAUSED, "true"));
              return d;
            });
    Fixtures.hpa(client, ns, "checkout", "checkout", 2, 10);

    ActuationResult result = actuator.apply(checkout, 2, 6);

    assertThat(result.outcome()).isEqualTo(ActuationOutcome.PAUSED);
    assertThat(hpa().getSpec().getMinReplicas()).isEqualTo(2);
  }

  @Test
  void refusesToPatchAnHpaThatAKedaScaledObjectOwns() {
    Fixtures.hpa(client, ns, "checkout", "checkout", 2, 10);
    client
        .autoscaling()
        .v2()
        .horizontalPodAutoscalers()
        .inNamespace(ns)
        .withName("checkout")
        .edit(
            h -> {
              h.getMetadata()
                  .setOwnerReferences(
                      List.of(
                          new OwnerReferenceBuilder()
                              .withApiVersion("keda.sh/v1alpha1")
                              .withKind("ScaledObject")
                              .withName("checkout-queue")
                              .withUid("uid-1")
                              .build()));
              return h;
            });

    ActuationResult result = actuator.apply(checkout, 2, 6);

    assertThat(result.outcome()).isEqualTo(ActuationOutcome.REFUSED);
    assertThat(result.reason()).isEqualTo("HPAOwnedByKEDA");
    assertThat(result.message()).contains("ScaledObject checkout-queue");
    assertThat(hpa().getSpec().getMinReplicas()).isEqualTo(2);
  }

  @Test
  void refusesToPatchAnHpaCarryingKedasLabel() {
    Fixtures.hpa(client, ns, "checkout", "checkout", 2, 10);
    client
        .autoscaling()
        .v2()
        .horizontalPodAutoscalers()
        .inNamespace(ns)
        .withName("checkout")
        .edit(
            h -> {
              h.getMetadata()
                  .setLabels(Map.of(OwnershipCheck.KEDA_SCALED_OBJECT_LABEL, "checkout-queue"));
              return h;
            });

    ActuationResult result = actuator.apply(checkout, 2, 6);

    assertThat(result.reason()).isEqualTo("HPAOwnedByKEDA");
    assertThat(hpa().getSpec().getMinReplicas()).isEqualTo(2);
  }

  private HorizontalPodAutoscaler hpa() {
    return client
        .autoscaling()
        .v2()
        .horizontalPodAutoscalers()
        .inNamespace(ns)
        .withName("checkout")
        .get();
  }
}
