package io.predictivescaler.core.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.predictivescaler.core.actuate.OwnershipCheck;
import java.util.Map;

/** Objects the API tests create in the mock server. */
public final class Fixtures {

  private Fixtures() {}

  public static Deployment deployment(
      KubernetesClient client, String namespace, String name, int replicas) {
    return deployment(client, namespace, name, replicas, Map.of());
  }

  public static Deployment deployment(
      KubernetesClient client,
      String namespace,
      String name,
      int replicas,
      Map<String, String> annotations) {
    return client
        .apps()
        .deployments()
        .inNamespace(namespace)
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .withAnnotations(annotations)
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .endSpec()
                .build())
        .create();
  }

  public static HorizontalPodAutoscaler hpa(
      KubernetesClient client, String namespace, String name, String target, int min, int max) {
    return client
        .autoscaling()
        .v2()
        .horizontalPodAutoscalers()
        .inNamespace(namespace)
        .resource(
            new HorizontalPodAutoscalerBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .withNewSpec()
                .withNewScaleTargetRef()
                .withApiVersion("apps/v1")
                .withKind("Deployment")
                .withName(target)
                .endScaleTargetRef()
                .withMinReplicas(min)
                .withMaxReplicas(max)
                .endSpec()
                .build())
        .create();
  }

  public static GenericKubernetesResource scaledObject(
      KubernetesClient client, String namespace, String name, String target) {
    return client
        .genericKubernetesResources(OwnershipCheck.SCALED_OBJECTS)
        .inNamespace(namespace)
        .resource(
            new GenericKubernetesResourceBuilder()
                .withApiVersion("keda.sh/v1alpha1")
                .withKind("ScaledObject")
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .withAdditionalProperties(
                    Map.of("spec", Map.of("scaleTargetRef", Map.of("name", target))))
                .build())
        .create();
  }
}
