package io.predictivescaler.core.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.predictivescaler.core.config.ScalingMode;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.kube.Fixtures;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true, https = false)
class ActuatorFactoryTest {

  KubernetesClient client;

  @Test
  void mapsEveryPolicyModeToItsActuator() {
    ActuatorFactory factory = new ActuatorFactory(client, ApiRetry.defaults());

    for (ScalingMode mode : ScalingMode.values()) {
      assertThat(factory.forMode(mode).mode()).isEqualTo(mode);
    }
  }

  @Test
  void countsEveryActuationByModeOutcomeAndReason() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ActuatorFactory factory =
        new ActuatorFactory(client, ApiRetry.defaults(), WriteFence.OPEN, registry);
    Fixtures.deployment(client, "counted", "checkout", 7); // changed by someone else since

    factory.forMode(ScalingMode.SCALE).apply(TargetRef.deployment("counted", "checkout"), 2, 5);

    assertThat(
            registry
                .get("predictive.scaler.actuations")
                .tags("mode", "scale", "outcome", "refused", "reason", "ConflictingWriter")
                .counter()
                .count())
        .isEqualTo(1.0);
  }
}
