package io.predictivescaler.core.service;

import static io.predictivescaler.core.service.ServiceHarness.NS;
import static io.predictivescaler.core.service.ServiceHarness.WAIT;
import static io.predictivescaler.core.service.ServiceHarness.query;
import static io.predictivescaler.core.service.ServiceHarness.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.predictivescaler.core.actuate.ActuationOutcome;
import io.predictivescaler.core.actuate.ScalerAnnotations;
import io.predictivescaler.core.kube.Fixtures;
import io.predictivescaler.core.kube.MockApiServerShutdown;
import io.predictivescaler.core.tick.TickOutcome;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What stops or redirects a write: the pause annotation, another autoscaler, hpa-floor mode. */
@EnableKubernetesMockClient(crud = true, https = false)
class ActuationGuardsIT {

  KubernetesClient client;
  KubernetesMockServer server;
  private ServiceHarness harness;

  @BeforeEach
  void setUp() {
    harness = new ServiceHarness(client, ServiceHarness.T0);
    harness.prometheus.load(query("checkout"), t -> 950);
  }

  @AfterEach
  void tearDown() {
    harness.close();
    client.close();
    MockApiServerShutdown.shutDown(server);
  }

  @Test
  void thePauseAnnotationStopsTheWriteButNotTheDecision() throws Exception {
    harness.deployment("checkout", 2, Map.of(ScalerAnnotations.PAUSED, "true"));
    harness.policies("workloads:\n" + workload("checkout", "scale", 1, 20));
    ScalerService service = harness.startLeader("checkout");

    TickOutcome.Decided outcome = harness.tick(service, "checkout");

    assertThat(outcome.decision().replicas()).isEqualTo(6);
    assertThat(outcome.actuation().outcome()).isEqualTo(ActuationOutcome.PAUSED);
    assertThat(harness.replicas("checkout")).isEqualTo(2);
    await().atMost(WAIT).until(() -> harness.event("ScalingPaused").isPresent());
  }

  @Test
  void scaleModeRefusesAWorkloadAnHpaControls() throws Exception {
    harness.deployment("checkout", 2, Map.of());
    Fixtures.hpa(client, NS, "checkout", "checkout", 2, 10);
    harness.policies("workloads:\n" + workload("checkout", "scale", 1, 20));
    ScalerService service = harness.startLeader("checkout");

    TickOutcome.Decided outcome = harness.tick(service, "checkout");

    assertThat(outcome.actuation().outcome()).isEqualTo(ActuationOutcome.REFUSED);
    assertThat(harness.replicas("checkout")).isEqualTo(2);
    await().atMost(WAIT).until(() -> harness.event("ConflictingAutoscaler").isPresent());
    assertThat(harness.event("ConflictingAutoscaler").orElseThrow().getMessage())
        .contains("HorizontalPodAutoscaler shop/checkout")
        .contains("mode: hpa-floor");
  }

  @Test
  void hpaFloorModeRaisesTheHpaMinimumInsteadOfScaling() throws Exception {
    harness.deployment("checkout", 2, Map.of());
    Fixtures.hpa(client, NS, "checkout", "checkout", 2, 10);
    harness.policies("workloads:\n" + workload("checkout", "hpa-floor", 1, 20));
    ScalerService service = harness.startLeader("checkout");

    TickOutcome.Decided outcome = harness.tick(service, "checkout");

    assertThat(outcome.actuation().outcome()).isEqualTo(ActuationOutcome.APPLIED);
    assertThat(hpaMinReplicas()).isEqualTo(6);
    assertThat(harness.replicas("checkout")).isEqualTo(2);
    await().atMost(WAIT).until(() -> harness.event("ScaleUpLimit").isPresent());
    assertThat(harness.event("ScaleUpLimit").orElseThrow().getMessage())
        .startsWith("Raised HPA floor from 2 to 6");
  }

  private int hpaMinReplicas() {
    return client
        .autoscaling()
        .v2()
        .horizontalPodAutoscalers()
        .inNamespace(NS)
        .withName("checkout")
        .get()
        .getSpec()
        .getMinReplicas();
  }
}
