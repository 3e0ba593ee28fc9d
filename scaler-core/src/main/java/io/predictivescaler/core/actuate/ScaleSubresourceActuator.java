package io.predictivescaler.core.actuate;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.RollableScalableResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.predictivescaler.core.config.ScalingMode;
import io.predictivescaler.core.config.TargetRef;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mode: scale}: patches the Deployment's {@code /scale} subresource with a JSON merge patch
 * (as {@code kubectl scale} does). Each attempt reads the Deployment, honours the pause annotation,
 * refuses workloads another autoscaler owns, and writes only when the count differs. Two
 * preconditions keep it from fighting other writers: the count read must still be the one the
 * decision saw (else {@link RefusalReason#CONFLICTING_WRITER}, unless it is the count this actuator
 * last wrote and the decision came from a lagging cache), and the patch carries the Deployment's
 * resourceVersion, so a change between read and write surfaces as a 409 (re-read and retried once)
 * instead of being overwritten. The {@link WriteFence} is asked immediately before each write.
 */
public final class ScaleSubresourceActuator implements Actuator {

  private static final Logger LOG = LoggerFactory.getLogger(ScaleSubresourceActuator.class);

  private final KubernetesClient client;
  private final OwnershipCheck ownership;
  private final ApiRetry retry;
  private final WriteFence fence;
  private final Map<TargetRef, Integer> lastWritten = new ConcurrentHashMap<>();

  public ScaleSubresourceActuator(KubernetesClient client, ApiRetry retry, WriteFence fence) {
    this.client = Objects.requireNonNull(client, "client");
    this.ownership = new OwnershipCheck(client);
    this.retry = Objects.requireNonNull(retry, "retry");
    this.fence = Objects.requireNonNull(fence, "fence");
  }

  @Override
  public ScalingMode mode() {
    return ScalingMode.SCALE;
  }

  @Override
  public ActuationResult apply(TargetRef target, int currentReplicas, int desiredReplicas) {
    if (desiredReplicas < 0) {
      throw new IllegalArgumentException(
          "desired replicas of " + target + " must be >= 0, got " + desiredReplicas);
    }
    String action = "scaling " + target + " to " + desiredReplicas;
    Attempt attempt = new Attempt(target, currentReplicas, desiredReplicas);
    try {
      return retry.call(action, attempt::run);
    } catch (KubernetesClientException e) {
      String message = action + ": " + ApiRetry.describe(e);
      LOG.warn("{}; giving up until the next tick", message);
      return ActuationResult.failed(message, e);
    }
  }

  /**
   * One read-decide-write pass; remembers across retries what it saw first and whether it wrote.
   */
  private final class Attempt {
    private final TargetRef target;
    private final int decided;
    private final int desired;
    private Integer firstSeen;
    private boolean wrote;

    Attempt(TargetRef target, int decided, int desired) {
      this.target = target;
      this.decided = decided;
      this.desired = desired;
    }

    ActuationResult run() {
      RollableScalableResource<Deployment> resource =
          client.apps().deployments().inNamespace(target.namespace()).withName(target.name());
      Deployment deployment = resource.get();
      if (deployment == null) {
        return ActuationResult.refused(RefusalReason.TARGET_NOT_FOUND, target + " does not exist");
      }
      int current = replicasOf(deployment);
      if (firstSeen == null) {
        firstSeen = current;
      }
      if (current == desired) {
        // equal after we attempted a write: that write landed although its response was lost
        return wrote
            ? ActuationResult.applied(firstSeen, desired)
            : ActuationResult.unchanged(current);
      }
      if (ScalerAnnotations.isPaused(deployment)) {
        return ActuationResult.paused(current, desired);
      }
      if (current != decided) {
        Integer ours = lastWritten.get(target);
        if (ours != null && ours == current) {
          // the decision saw the count from before our own last write (a lagging cache): no
          // other writer, but nothing to write on a stale count either; the next tick decides
          return new ActuationResult(
              ActuationOutcome.UNCHANGED,
              current,
              current,
              "",
              "decided on " + decided + " before the scaler's own write of " + current,
              null);
        }
        return ActuationResult.refused(
            RefusalReason.CONFLICTING_WRITER, otherWriterMessage(target, current, decided));
      }
      Optional<ExternalAutoscaler> owner = ownership.find(target);
      if (owner.isPresent()) {
        return ActuationResult.refused(
            RefusalReason.CONFLICTING_AUTOSCALER, conflictMessage(target, owner.get()));
      }
      if (!fence.mayWrite()) {
        return ActuationResult.fenced(current, desired);
      }
      wrote = true;
      resource
          .subresource("scale")
          .patch(PatchContext.of(PatchType.JSON_MERGE), scalePatch(deployment, desired));
      lastWritten.put(target, desired);
      return ActuationResult.applied(current, desired);
    }
  }

  private static String scalePatch(Deployment deployment, int replicas) {
    String resourceVersion = deployment.getMetadata().getResourceVersion();
    return "{\"metadata\":{\"resourceVersion\":\""
        + resourceVersion
        + "\"},\"spec\":{\"replicas\":"
        + replicas
        + "}}";
  }

  static int replicasOf(Deployment deployment) {
    Integer replicas = deployment.getSpec() == null ? null : deployment.getSpec().getReplicas();
    return replicas == null ? 1 : replicas; // the API server defaults spec.replicas to 1
  }

  static String otherWriterMessage(TargetRef target, int found, int decided) {
    return target
        + " has "
        + found
        + " replicas but the decision saw "
        + decided
        + ": another writer (kubectl, a GitOps tool) changed it; not overwriting. The next tick"
        + " decides from the new count; if another tool keeps setting replicas, take the workload"
        + " out of one of them.";
  }

  static String conflictMessage(TargetRef target, ExternalAutoscaler owner) {
    return target
        + " is already scaled by "
        + owner
        + "; predictive-scaler will not fight it in scale mode. Set mode: hpa-floor for this"
        + " workload to raise that autoscaler's floor ahead of predicted load instead.";
  }
}
