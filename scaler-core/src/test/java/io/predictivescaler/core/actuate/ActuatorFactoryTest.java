package io.predictivescaler.core.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.predictivescaler.core.config.ScalingMode;
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
}
