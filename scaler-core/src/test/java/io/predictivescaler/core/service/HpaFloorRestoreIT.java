package io.predictivescaler.core.service;

import static io.predictivescaler.core.service.ServiceHarness.NS;
import static io.predictivescaler.core.service.ServiceHarness.query;
import static io.predictivescaler.core.service.ServiceHarness.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.predictivescaler.core.actuate.ApiRetry;
import io.predictivescaler.core.actuate.HpaFloorActuator;
import io.predictivescaler.core.actuate.ScalerAnnotations;
import io.predictivescaler.core.actuate.WriteFence;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.kube.Fixtures;
import io.predictivescaler.core.kube.MockApiServerShutdown;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A floor a former leader raised, for a workload whose policy went away before it could release it,
 * is restored by the next leader's sweep, which its first tick starts.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class HpaFloorRestoreIT {

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
  void theNextLeaderRestoresAFloorNoPolicyRaisesAnyMore() throws Exception {
    harness.deployment("checkout", 2, Map.of());
    harness.deployment("cart", 2, Map.of());
    Fixtures.hpa(client, NS, "cart", "cart", 2, 10);
    new HpaFloorActuator(client, ApiRetry.defaults(), WriteFence.OPEN)
        .apply(TargetRef.deployment(NS, "cart"), 2, 7); // the former leader's raise
    harness.policies("workloads:\n" + workload("checkout", "dry-run", 1, 20)); // cart is gone
    ScalerService service = harness.startLeader("checkout");

    harness.tick(service, "checkout");

    await() // the sweep runs beside the tick, not on its thread
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              HorizontalPodAutoscaler cart =
                  client
                      .autoscaling()
                      .v2()
                      .horizontalPodAutoscalers()
                      .inNamespace(NS)
                      .withName("cart")
                      .get();
              assertThat(cart.getSpec().getMinReplicas()).isEqualTo(2);
              assertThat(
                      cart.getMetadata()
                          .getAnnotations()
                          .get(ScalerAnnotations.ORIGINAL_MIN_REPLICAS))
                  .isNull();
            });
  }
}
