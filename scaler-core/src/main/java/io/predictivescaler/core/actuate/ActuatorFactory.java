package io.predictivescaler.core.actuate;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.predictivescaler.core.config.ScalingMode;
import java.util.EnumMap;
import java.util.Map;

/** Maps a policy's {@code mode} to its actuator; one shared, stateless instance per mode. */
public final class ActuatorFactory {

  private final Map<ScalingMode, Actuator> actuators = new EnumMap<>(ScalingMode.class);

  public ActuatorFactory(KubernetesClient client, ApiRetry retry) {
    register(new ScaleSubresourceActuator(client, retry));
    register(new HpaFloorActuator(client, retry));
    register(new DryRunActuator());
  }

  /** The actuator for a mode. */
  public Actuator forMode(ScalingMode mode) {
    return actuators.get(mode);
  }

  private void register(Actuator actuator) {
    actuators.put(actuator.mode(), actuator);
  }
}
