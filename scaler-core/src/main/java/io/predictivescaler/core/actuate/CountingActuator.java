package io.predictivescaler.core.actuate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.predictivescaler.core.config.ScalingMode;
import io.predictivescaler.core.config.TargetRef;
import java.util.Objects;

/**
 * Counts what an actuator's calls end in, as {@code
 * predictive_scaler_actuations_total{mode,outcome,reason}}: a refusal for another writer ({@code
 * ConflictingWriter}, {@code HPAOwnedByKEDA}) or a write fenced off after the lease was lost
 * ({@code NotLeader}) shows up there. Labels come from closed sets only.
 */
final class CountingActuator implements Actuator {

  static final String METER = "predictive.scaler.actuations";

  private final Actuator delegate;
  private final MeterRegistry registry;

  CountingActuator(Actuator delegate, MeterRegistry registry) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public ScalingMode mode() {
    return delegate.mode();
  }

  @Override
  public ActuationResult apply(TargetRef target, int currentReplicas, int desiredReplicas) {
    return count(delegate.apply(target, currentReplicas, desiredReplicas));
  }

  @Override
  public ActuationResult release(TargetRef target) {
    return count(delegate.release(target));
  }

  private ActuationResult count(ActuationResult result) {
    Counter.builder(METER)
        .description("Actuations by mode, outcome and reason (empty when there is none)")
        .tag("mode", delegate.mode().yamlName())
        .tag("outcome", result.outcome().label())
        .tag("reason", result.reason())
        .register(registry)
        .increment();
    return result;
  }
}
