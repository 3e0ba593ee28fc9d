package io.predictivescaler.core.actuate;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadKind;
import java.net.HttpURLConnection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the autoscalers that already target a workload: autoscaling/v2 HPAs and KEDA ScaledObjects
 * (read as generic resources, so KEDA need not be installed) whose {@code scaleTargetRef} names the
 * same kind (and API group, where the reference gives one) and name.
 */
public final class OwnershipCheck {

  /** KEDA's ScaledObject, keda.sh/v1alpha1. */
  public static final ResourceDefinitionContext SCALED_OBJECTS =
      new ResourceDefinitionContext.Builder()
          .withGroup("keda.sh")
          .withVersion("v1alpha1")
          .withKind("ScaledObject")
          .withPlural("scaledobjects")
          .withNamespaced(true)
          .build();

  /** The label KEDA puts on the HPA it creates for a ScaledObject. */
  public static final String KEDA_SCALED_OBJECT_LABEL = "scaledobject.keda.sh/name";

  private final KubernetesClient client;

  public OwnershipCheck(KubernetesClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** The first other autoscaler targeting the workload, KEDA first (it also owns an HPA). */
  public Optional<ExternalAutoscaler> find(TargetRef target) {
    Optional<ExternalAutoscaler> keda = findScaledObject(target);
    if (keda.isPresent()) {
      return keda;
    }
    return findHpa(target)
        .map(
            hpa ->
                new ExternalAutoscaler(
                    "HorizontalPodAutoscaler", target.namespace(), hpa.getMetadata().getName()));
  }

  /** The autoscaling/v2 HPA whose scaleTargetRef is the workload, if any. */
  public Optional<HorizontalPodAutoscaler> findHpa(TargetRef target) {
    return client
        .autoscaling()
        .v2()
        .horizontalPodAutoscalers()
        .inNamespace(target.namespace())
        .list()
        .getItems()
        .stream()
        .filter(hpa -> hpa.getSpec() != null && targets(hpa.getSpec().getScaleTargetRef(), target))
        .findFirst();
  }

  /**
   * The name of the KEDA ScaledObject that owns the HPA (by owner reference or KEDA's label), if
   * any.
   */
  public static Optional<String> kedaOwner(HorizontalPodAutoscaler hpa) {
    var owners = hpa.getMetadata().getOwnerReferences();
    if (owners != null) {
      for (var owner : owners) {
        if ("ScaledObject".equals(owner.getKind())) {
          return Optional.of(owner.getName());
        }
      }
    }
    Map<String, String> labels = hpa.getMetadata().getLabels();
    return labels == null
        ? Optional.empty()
        : Optional.ofNullable(labels.get(KEDA_SCALED_OBJECT_LABEL));
  }

  private Optional<ExternalAutoscaler> findScaledObject(TargetRef target) {
    try {
      return client
          .genericKubernetesResources(SCALED_OBJECTS)
          .inNamespace(target.namespace())
          .list()
          .getItems()
          .stream()
          .filter(so -> scaledObjectTargets(so, target))
          .findFirst()
          .map(
              so ->
                  new ExternalAutoscaler(
                      "ScaledObject", target.namespace(), so.getMetadata().getName()));
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return Optional.empty(); // KEDA's CRD is not installed
      }
      throw e;
    }
  }

  private static boolean targets(CrossVersionObjectReference ref, TargetRef target) {
    return ref != null && names(ref.getApiVersion(), ref.getKind(), ref.getName(), target);
  }

  private static boolean scaledObjectTargets(GenericKubernetesResource so, TargetRef target) {
    if (!(so.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec)
        || !(spec.get("scaleTargetRef") instanceof Map<?, ?> ref)) {
      return false;
    }
    Object kind = ref.get("kind");
    Object apiVersion = ref.get("apiVersion");
    return names(
        apiVersion == null ? WorkloadKind.DEPLOYMENT.apiVersion() : apiVersion.toString(),
        kind == null ? WorkloadKind.DEPLOYMENT.kind() : kind.toString(), // KEDA's defaults
        ref.get("name"),
        target);
  }

  /** Same kind and name, and same API group unless the reference leaves its apiVersion out. */
  private static boolean names(String apiVersion, String kind, Object name, TargetRef target) {
    if (!target.kind().kind().equals(kind) || !target.name().equals(name)) {
      return false;
    }
    if (apiVersion == null || apiVersion.isBlank()) {
      return true;
    }
    int slash = apiVersion.indexOf('/');
    return (slash < 0 ? "" : apiVersion.substring(0, slash)).equals(target.kind().group());
  }
}
