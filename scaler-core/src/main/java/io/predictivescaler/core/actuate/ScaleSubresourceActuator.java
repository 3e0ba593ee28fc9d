package io.predictivescaler.core.actuate;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.predictivescaler.core.config.ScalingMode;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.kube.ScaleTargetApi;
import io.predictivescaler.core.kube.ScaleView;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mode: scale}: patches the target's {@code /scale} subresource with a JSON merge patch (as
 * {@code kubectl scale} does), for any kind that serves one. Each attempt reads the Scale, honours
 * the pause annotation on the object, refuses targets another autoscaler owns, and writes only when
 * the count differs. Two preconditions keep it from fighting other writers: the count read must
 * still be the one the decision saw (else {@link RefusalReason#CONFLICTING_WRITER}, unless it is
 * the count this actuator last wrote and the decision came from a lagging cache), and the patch
 * carries the resourceVersion the Scale was read at, so a change between read and write surfaces as
 * a 409 (re-read and retried once) instead of being overwritten. The {@link WriteFence} is asked
 * immediately before each write.
 */
public final class ScaleSubresourceActuator implements Actuator {

  private static final Logger LOG = LoggerFactory.getLogger(ScaleSubresourceActuator.class);

  private final ScaleTargetApi api;
  private final OwnershipCheck ownership;
  private final ApiRetry retry;
  private final WriteFence fence;
  private final Map<TargetRef, Integer> lastWritten = new ConcurrentHashMap<>();

  public ScaleSubresourceActuator(KubernetesClient client, ApiRetry retry, WriteFence fence) {
    this.api = new ScaleTargetApi(Objects.requireNonNull(client, "client"));
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
      Optional<ScaleView> scale = api.scale(target);
      if (scale.isEmpty()) {
        return notFound(target);
      }
      int current = scale.get().desired();
      if (firstSeen == null) {
        firstSeen = current;
      }
      if (current == desired) {
        // equal after we attempted a write: that write landed although its response was lost
        return wrote
            ? ActuationResult.applied(firstSeen, desired)
            : ActuationResult.unchanged(current);
      }
      Optional<GenericKubernetesResource> object = api.object(target);
      if (object.isEmpty()) {
        return notFound(target);
      }
      if (ScalerAnnotations.isPaused(object.get())) {
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
      api.patchReplicas(target, scale.get().resourceVersion(), desired);
      lastWritten.put(target, desired);
      return ActuationResult.applied(current, desired);
    }
  }

  private static ActuationResult notFound(TargetRef target) {
    return ActuationResult.refused(RefusalReason.TARGET_NOT_FOUND, target + " does not exist");
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
