package io.predictivescaler.core.actuate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.predictivescaler.core.config.ScalingMode;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.kube.ScaleTargetApi;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mode: hpa-floor}: leaves scaling to the HPA that targets the workload and raises (later
 * lowers) its {@code minReplicas} to the predicted need, between the floor the SRE set and the
 * HPA's {@code maxReplicas}. The SRE's floor is kept in the annotation {@value
 * ScalerAnnotations#ORIGINAL_MIN_REPLICAS} on the HPA and restored by {@link #release} (and, for
 * HPAs no policy raises any more, by {@link HpaFloorRestorer}). It leaves alone an HPA that a KEDA
 * ScaledObject owns (KEDA rewrites its HPA from the ScaledObject), and asks the {@link WriteFence}
 * immediately before each write.
 */
public final class HpaFloorActuator implements Actuator {

  private static final Logger LOG = LoggerFactory.getLogger(HpaFloorActuator.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;
  private final ScaleTargetApi targets;
  private final OwnershipCheck ownership;
  private final ApiRetry retry;
  private final WriteFence fence;

  public HpaFloorActuator(KubernetesClient client, ApiRetry retry, WriteFence fence) {
    this.client = Objects.requireNonNull(client, "client");
    this.targets = new ScaleTargetApi(client);
    this.ownership = new OwnershipCheck(client);
    this.retry = Objects.requireNonNull(retry, "retry");
    this.fence = Objects.requireNonNull(fence, "fence");
  }

  @Override
  public ScalingMode mode() {
    return ScalingMode.HPA_FLOOR;
  }

  @Override
  public ActuationResult apply(TargetRef target, int currentReplicas, int desiredReplicas) {
    String action = "setting the HPA floor of " + target + " to " + desiredReplicas;
    int[] firstSeen = {-1};
    return run(
        action,
        () -> {
          Optional<GenericKubernetesResource> workload = targets.object(target);
          if (workload.isEmpty()) {
            return ActuationResult.refused(
                RefusalReason.TARGET_NOT_FOUND, target + " does not exist");
          }
          Optional<HorizontalPodAutoscaler> found = ownership.findHpa(target);
          if (found.isEmpty()) {
            return ActuationResult.refused(RefusalReason.HPA_NOT_FOUND, noHpaMessage(target));
          }
          HorizontalPodAutoscaler hpa = found.get();
          Optional<String> scaledObject = OwnershipCheck.kedaOwner(hpa);
          if (scaledObject.isPresent()) {
            return ActuationResult.refused(
                RefusalReason.HPA_OWNED_BY_KEDA, kedaMessage(target, hpa, scaledObject.get()));
          }
          int currentMin = minReplicasOf(hpa);
          if (firstSeen[0] < 0) {
            firstSeen[0] = currentMin;
          }
          int original = originalFloor(hpa).orElse(currentMin);
          int floor = Math.max(original, Math.min(desiredReplicas, hpa.getSpec().getMaxReplicas()));
          if (floor == currentMin) {
            return firstSeen[0] == currentMin
                ? ActuationResult.unchanged(currentMin)
                : ActuationResult.applied(firstSeen[0], currentMin);
          }
          if (ScalerAnnotations.isPaused(workload.get())) {
            return ActuationResult.paused(currentMin, floor);
          }
          if (!fence.mayWrite()) {
            return ActuationResult.fenced(currentMin, floor);
          }
          patch(hpa, floor, String.valueOf(original));
          return ActuationResult.applied(currentMin, floor);
        });
  }

  /**
   * Restores the SRE's floor and removes the annotation; unchanged when there is nothing to undo.
   */
  @Override
  public ActuationResult release(TargetRef target) {
    return run(
        "restoring the HPA floor of " + target,
        () -> {
          Optional<HorizontalPodAutoscaler> found = ownership.findHpa(target);
          return found.isEmpty() ? ActuationResult.unchanged(-1) : restoreOnce(found.get());
        });
  }

  /**
   * Restores the floor of one HPA this actuator raised (it carries {@value
   * ScalerAnnotations#ORIGINAL_MIN_REPLICAS}), re-reading it on each retry.
   */
  public ActuationResult restore(HorizontalPodAutoscaler hpa) {
    String namespace = hpa.getMetadata().getNamespace();
    String name = hpa.getMetadata().getName();
    return run(
        "restoring the floor of HorizontalPodAutoscaler " + namespace + "/" + name,
        () -> {
          // re-read by list: the RBAC grants list and patch on HPAs, not get
          Optional<HorizontalPodAutoscaler> fresh =
              client
                  .autoscaling()
                  .v2()
                  .horizontalPodAutoscalers()
                  .inNamespace(namespace)
                  .list()
                  .getItems()
                  .stream()
                  .filter(h -> name.equals(h.getMetadata().getName()))
                  .findFirst();
          return fresh.isEmpty() ? ActuationResult.unchanged(-1) : restoreOnce(fresh.get());
        });
  }

  private ActuationResult restoreOnce(HorizontalPodAutoscaler hpa) {
    OptionalInt original = originalFloor(hpa);
    if (original.isEmpty()) {
      return ActuationResult.unchanged(minReplicasOf(hpa));
    }
    if (!fence.mayWrite()) {
      return ActuationResult.fenced(minReplicasOf(hpa), original.getAsInt());
    }
    patch(hpa, original.getAsInt(), null);
    return ActuationResult.applied(minReplicasOf(hpa), original.getAsInt());
  }

  private ActuationResult run(String action, Callable<ActuationResult> body) {
    try {
      return retry.call(action, body);
    } catch (KubernetesClientException e) {
      String message = action + ": " + ApiRetry.describe(e);
      LOG.warn("{}; giving up until the next tick", message);
      return ActuationResult.failed(message, e);
    }
  }

  private void patch(HorizontalPodAutoscaler hpa, int minReplicas, String originalAnnotation) {
    ObjectNode patch = JSON.createObjectNode();
    ObjectNode metadata = patch.putObject("metadata");
    metadata.put("resourceVersion", hpa.getMetadata().getResourceVersion());
    metadata
        .putObject("annotations")
        .put(ScalerAnnotations.ORIGINAL_MIN_REPLICAS, originalAnnotation);
    patch.putObject("spec").put("minReplicas", minReplicas);
    client
        .autoscaling()
        .v2()
        .horizontalPodAutoscalers()
        .inNamespace(hpa.getMetadata().getNamespace())
        .resource(hpa)
        .patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
  }

  static int minReplicasOf(HorizontalPodAutoscaler hpa) {
    Integer min = hpa.getSpec().getMinReplicas();
    return min == null ? 1 : min; // the API server defaults minReplicas to 1
  }

  /** True when the HPA carries the annotation this actuator writes when it raises a floor. */
  static boolean raised(HorizontalPodAutoscaler hpa) {
    Map<String, String> annotations = hpa.getMetadata().getAnnotations();
    return annotations != null && annotations.get(ScalerAnnotations.ORIGINAL_MIN_REPLICAS) != null;
  }

  private static OptionalInt originalFloor(HorizontalPodAutoscaler hpa) {
    Map<String, String> annotations = hpa.getMetadata().getAnnotations();
    String value =
        annotations == null ? null : annotations.get(ScalerAnnotations.ORIGINAL_MIN_REPLICAS);
    if (value == null) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(value.trim()));
    } catch (NumberFormatException e) {
      LOG.warn(
          "HPA {}/{}: annotation {}={} is not a number; ignoring it and treating the current"
              + " minReplicas as the original floor. Fix or remove the annotation.",
          hpa.getMetadata().getNamespace(),
          hpa.getMetadata().getName(),
          ScalerAnnotations.ORIGINAL_MIN_REPLICAS,
          value);
      return OptionalInt.empty();
    }
  }

  private static String kedaMessage(
      TargetRef target, HorizontalPodAutoscaler hpa, String scaledObject) {
    return "HorizontalPodAutoscaler "
        + hpa.getMetadata().getNamespace()
        + "/"
        + hpa.getMetadata().getName()
        + " targeting "
        + target
        + " belongs to KEDA ScaledObject "
        + scaledObject
        + ", which rewrites it; predictive-scaler will not patch it. Set minReplicaCount on the"
        + " ScaledObject instead, or take the workload out of this policy.";
  }

  private static String noHpaMessage(TargetRef target) {
    return "mode hpa-floor needs an autoscaling/v2 HorizontalPodAutoscaler targeting "
        + target
        + "; none found. Create one, or use mode: scale.";
  }
}
