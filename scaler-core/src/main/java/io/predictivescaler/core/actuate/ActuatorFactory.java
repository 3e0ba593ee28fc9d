package io.predictivescaler.core.actuate;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.predictivescaler.core.config.ScalingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * Maps a policy's {@code mode} to its actuator; one shared instance per mode, each counted in
 * {@value CountingActuator#METER}.
 */
public final class ActuatorFactory {

  private final Map<ScalingMode, Actuator> actuators = new EnumMap<>(ScalingMode.class);

  /**
   * @param client the client writes go through; its own request retries should be off
   * @param retry how writes are retried, within a deadline
   * @param fence asked immediately before every write, usually "leader and not stopping"
   * @param registry where the actuation counter goes
   */
  public ActuatorFactory(
      KubernetesClient client, ApiRetry retry, WriteFence fence, MeterRegistry registry) {
    register(new ScaleSubresourceActuator(client, retry, fence), registry);
    register(new HpaFloorActuator(client, retry, fence), registry);
    register(new DryRunActuator(), registry);
  }

  /** Unfenced and uncounted: for callers that are the only writer (tools and tests). */
  public ActuatorFactory(KubernetesClient client, ApiRetry retry) {
    this(client, retry, WriteFence.OPEN, new SimpleMeterRegistry());
  }

  /** The actuator for a mode. */
  public Actuator forMode(ScalingMode mode) {
    return actuators.get(mode);
  }

  private void register(Actuator actuator, MeterRegistry registry) {
    actuators.put(actuator.mode(), new CountingActuator(actuator, registry));
  }
}
