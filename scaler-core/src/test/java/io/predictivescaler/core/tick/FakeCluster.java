package io.predictivescaler.core.tick;

import io.predictivescaler.collector.window.RollingWindow;
import io.predictivescaler.core.actuate.ActuationResult;
import io.predictivescaler.core.actuate.Actuator;
import io.predictivescaler.core.config.ScalingMode;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * A cluster of Deployments for tick tests: each has a load function of time, a window the test
 * feeds, and pods that become Ready {@code startup} after they are asked for.
 */
final class FakeCluster implements WorkloadObserver, Actuator {

  final Map<String, Deployment> deployments = new HashMap<>();
  final List<String> writes = new ArrayList<>();
  final List<String> releases = new ArrayList<>();
  private final Duration startup;

  FakeCluster(Duration startup) {
    this.startup = startup;
  }

  static final class Deployment {
    final RollingWindow window = RollingWindow.withDefaultRetention(Duration.ofSeconds(15));
    final ToDoubleFunction<Instant> load;
    int replicas;
    final List<Instant> pending = new ArrayList<>();
    RuntimeException failure;

    Deployment(int replicas, ToDoubleFunction<Instant> load) {
      this.replicas = replicas;
      this.load = load;
    }

    int ready(Instant now, Duration startup) {
      long starting = pending.stream().filter(t -> now.isBefore(t.plus(startup))).count();
      return replicas - (int) starting;
    }
  }

  Deployment add(String name, int replicas, ToDoubleFunction<Instant> load) {
    Deployment d = new Deployment(replicas, load);
    deployments.put(name, d);
    return d;
  }

  /** Appends every deployment's load at {@code now} to its window. */
  void sample(Instant now) {
    for (Deployment d : deployments.values()) {
      d.window.append(now, d.load.applyAsDouble(now), now);
    }
  }

  @Override
  public Optional<WorkloadObservation> observe(WorkloadPolicy policy, Instant now) {
    Deployment d = deployments.get(policy.target().name());
    if (d == null) {
      return Optional.empty();
    }
    if (d.failure != null) {
      throw d.failure;
    }
    return Optional.of(
        WindowObservation.of(policy, d.replicas, d.ready(now, startup), d.window.snapshot(), now));
  }

  Instant now;

  @Override
  public ScalingMode mode() {
    return ScalingMode.SCALE;
  }

  @Override
  public ActuationResult apply(TargetRef target, int currentReplicas, int desiredReplicas) {
    Deployment d = deployments.get(target.name());
    writes.add(
        target.namespace() + "/" + target.name() + ":" + currentReplicas + "->" + desiredReplicas);
    for (int i = d.replicas; i < desiredReplicas; i++) {
      d.pending.add(now);
    }
    d.replicas = desiredReplicas;
    return ActuationResult.applied(currentReplicas, desiredReplicas);
  }

  @Override
  public ActuationResult release(TargetRef target) {
    releases.add(target.namespace() + "/" + target.name());
    return ActuationResult.unchanged(-1);
  }

  int replicas(TargetRef target) {
    return deployments.get(target.name()).replicas;
  }
}
