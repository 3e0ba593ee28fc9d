package io.predictivescaler.core.actuate;

import io.predictivescaler.core.config.ScalingMode;
import io.predictivescaler.core.config.TargetRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mode: dry-run}: never calls the API; reports what {@code scale} mode would have done, as
 * an {@link ActuationOutcome#DRY_RUN} result with reason {@code DryRun}. The one place dry-run
 * lives: the decision is the same as in any mode, and it is recorded as not applied (no scale event
 * for the rate policies).
 */
public final class DryRunActuator implements Actuator {

  private static final Logger LOG = LoggerFactory.getLogger(DryRunActuator.class);

  @Override
  public ScalingMode mode() {
    return ScalingMode.DRY_RUN;
  }

  @Override
  public boolean writesToCluster() {
    return false;
  }

  @Override
  public ActuationResult apply(TargetRef target, int currentReplicas, int desiredReplicas) {
    if (currentReplicas == desiredReplicas) {
      return ActuationResult.unchanged(currentReplicas);
    }
    LOG.debug("dry-run: {} would scale from {} to {}", target, currentReplicas, desiredReplicas);
    return ActuationResult.dryRun(currentReplicas, desiredReplicas);
  }
}
