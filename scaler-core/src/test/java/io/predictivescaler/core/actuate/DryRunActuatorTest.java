package io.predictivescaler.core.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.predictivescaler.core.config.ScalingMode;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.kube.ApiCall;
import io.predictivescaler.core.kube.Fixtures;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true, https = false)
class DryRunActuatorTest {

  KubernetesClient client;
  KubernetesMockServer server;

  @Test
  void reportsWhatItWouldDoWithoutTouchingTheCluster() throws Exception {
    Fixtures.deployment(client, "shop", "checkout", 2);
    ApiCall.drain(server);
    Actuator dryRun = new ActuatorFactory(client, ApiRetry.defaults()).forMode(ScalingMode.DRY_RUN);

    ActuationResult result = dryRun.apply(TargetRef.deployment("shop", "checkout"), 2, 7);

    assertThat(result.outcome()).isEqualTo(ActuationOutcome.DRY_RUN);
    assertThat(result.reason()).isEqualTo("DryRun");
    assertThat(result.fromReplicas()).isEqualTo(2);
    assertThat(result.toReplicas()).isEqualTo(7);
    assertThat(result.changedCluster()).isFalse();
    assertThat(ApiCall.drain(server)).noneMatch(ApiCall::isWrite);
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace("shop")
                .withName("checkout")
                .get()
                .getSpec()
                .getReplicas())
        .isEqualTo(2);
  }

  @Test
  void needsNoLeadershipSinceItWritesNothing() {
    assertThat(new DryRunActuator().writesToCluster()).isFalse();
  }

  @Test
  void reportsUnchangedWhenTheCountMatches() {
    ActuationResult result =
        new DryRunActuator().apply(TargetRef.deployment("shop", "checkout"), 3, 3);

    assertThat(result.outcome()).isEqualTo(ActuationOutcome.UNCHANGED);
  }
}
