package io.predictivescaler.core.actuate;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.EnumMap;
import java.util.Map;

/** Maps a policy's {@code mode} to its actuator; one shared, stateless instance per mode. */
public final class ActuatorFactory {

  private final Map<ActuationMode, Actuator> actuators = new EnumMap<>(ActuationMode.class);

  public ActuatorFactory(KubernetesClient client, ApiRetry retry) {
    register(new ScaleSubresourceActuator(client, retry));
    register(new HpaFloorActuator(client, retry));
    register(new DryRunActuator());
  }

  /** The actuator for a mode. */
  public Actuator forMode(ActuationMode mode) {
    return actuators.get(mode);
  }

  /** The actuator for a policy spelling: {@code scale | dry-run | hpa-floor}. */
  public Actuator forMode(String configName) {
    return forMode(ActuationMode.fromConfig(configName));
  }

  private void register(Actuator actuator) {
    actuators.put(actuator.mode(), actuator);
  }
}
