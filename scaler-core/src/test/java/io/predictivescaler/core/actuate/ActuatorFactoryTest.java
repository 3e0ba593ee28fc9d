package io.predictivescaler.core.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true, https = false)
class ActuatorFactoryTest {

  KubernetesClient client;

  @Test
  void mapsEveryPolicyModeToItsActuator() {
    ActuatorFactory factory = new ActuatorFactory(client, ApiRetry.defaults());

    assertThat(factory.forMode("scale")).isInstanceOf(ScaleSubresourceActuator.class);
    assertThat(factory.forMode("hpa-floor")).isInstanceOf(HpaFloorActuator.class);
    assertThat(factory.forMode("dry-run")).isInstanceOf(DryRunActuator.class);
    for (ActuationMode mode : ActuationMode.values()) {
      assertThat(factory.forMode(mode).mode()).isEqualTo(mode);
    }
  }

  @Test
  void rejectsAnUnknownModeNamingTheChoices() {
    assertThatThrownBy(() -> ActuationMode.fromConfig("yolo"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown mode 'yolo', expected one of scale, dry-run, hpa-floor");
  }
}
