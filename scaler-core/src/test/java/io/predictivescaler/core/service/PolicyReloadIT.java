package io.predictivescaler.core.service;

import static io.predictivescaler.core.service.ServiceHarness.NS;
import static io.predictivescaler.core.service.ServiceHarness.STEP;
import static io.predictivescaler.core.service.ServiceHarness.WAIT;
import static io.predictivescaler.core.service.ServiceHarness.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.kube.MockApiServerShutdown;
import io.predictivescaler.core.tick.TickOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Policy ConfigMap changes reach the running service: valid ones on the next tick, bad ones not.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class PolicyReloadIT {

  private static final TargetRef CHECKOUT = TargetRef.deployment(NS, "checkout");

  KubernetesClient client;
  KubernetesMockServer server;
  private ServiceHarness harness;
  private ScalerService service;

  @BeforeEach
  void startWithMaxFour() throws Exception {
    harness = new ServiceHarness(client, ServiceHarness.T0);
    service = harness.startCheckoutAfterOneTick(4);
  }

  @AfterEach
  void tearDown() {
    harness.close();
    client.close();
    MockApiServerShutdown.shutDown(server);
  }

  @Test
  void aValidChangeAppliesOnTheNextTick() throws Exception {
    harness.policies("workloads:\n" + workload("checkout", "scale", 1, 5));
    await().atMost(WAIT).until(() -> maxReplicas() == 5);
    harness.clock.advance(STEP);

    TickOutcome.Decided outcome = harness.tick(service, "checkout");

    assertThat(outcome.policy().maxReplicas()).isEqualTo(5);
    assertThat(harness.replicas("checkout")).isEqualTo(5);
  }

  @Test
  void anInvalidChangeKeepsTheLastGoodPolicyAndEmitsAnEvent() throws Exception {
    harness.policies("workloads:\n" + workload("checkout", "scale", 1, 5, "horizon: -5m"));
    await().atMost(WAIT).until(() -> harness.event("InvalidPolicy").isPresent());
    harness.clock.advance(STEP);

    TickOutcome.Decided outcome = harness.tick(service, "checkout");

    Event event = harness.event("InvalidPolicy").orElseThrow();
    assertThat(event.getType()).isEqualTo("Warning");
    assertThat(event.getInvolvedObject().getKind()).isEqualTo("ConfigMap");
    assertThat(event.getMessage()).contains("workloads[0].horizon");
    assertThat(outcome.policy().maxReplicas()).isEqualTo(4);
    assertThat(harness.replicas("checkout")).isEqualTo(4);
    assertThat(harness.get(service, "/metrics").body())
        .contains(
            "predictive_scaler_config_rejected_total{configmap=\"policies\",namespace=\"shop\",}"
                + " 1.0");
  }

  private int maxReplicas() {
    return service.policies().policy(CHECKOUT).map(WorkloadPolicy::maxReplicas).orElse(-1);
  }
}
