package io.predictivescaler.core.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.predictivescaler.core.actuate.OwnershipCheck;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadKind;
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

  /** A StatefulSet whose pods carry {@code app: NAME}. */
  public static StatefulSet statefulSet(
      KubernetesClient client,
      String namespace,
      String name,
      int replicas,
      Map<String, String> annotations) {
    return client
        .apps()
        .statefulSets()
        .inNamespace(namespace)
        .resource(
            new StatefulSetBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .withAnnotations(annotations)
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector()
                .withMatchLabels(Map.of("app", name))
                .endSelector()
                .endSpec()
                .build())
        .create();
  }

  /** A ReplicaSet whose pods carry {@code app: NAME}. */
  public static ReplicaSet replicaSet(
      KubernetesClient client, String namespace, String name, int replicas) {
    return client
        .apps()
        .replicaSets()
        .inNamespace(namespace)
        .resource(
            new ReplicaSetBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector()
                .withMatchLabels(Map.of("app", name))
                .endSelector()
                .endSpec()
                .build())
        .create();
  }

  /** Argo Rollouts' kind, as a custom resource with a scale subresource. */
  public static final WorkloadKind ROLLOUT = new WorkloadKind("argoproj.io/v1alpha1", "Rollout");

  /**
   * The Rollout CRD, with a scale subresource whose selector is {@code .status.selector} as Argo's
   * is. Argo's CRD also has a status subresource; it is left out here because the mock server would
   * then drop {@code status} on every write to the object, selector included.
   */
  public static CustomResourceDefinition rolloutDefinition(KubernetesClient client) {
    return client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .resource(
            new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName("rollouts.argoproj.io")
                .endMetadata()
                .withNewSpec()
                .withGroup("argoproj.io")
                .withScope("Namespaced")
                .withNewNames()
                .withKind("Rollout")
                .withPlural("rollouts")
                .withSingular("rollout")
                .endNames()
                .addNewVersion()
                .withName("v1alpha1")
                .withServed(true)
                .withStorage(true)
                .withNewSubresources()
                .withNewScale()
                .withSpecReplicasPath(".spec.replicas")
                .withStatusReplicasPath(".status.replicas")
                .withLabelSelectorPath(".status.selector")
                .endScale()
                .endSubresources()
                .endVersion()
                .endSpec()
                .build())
        .create();
  }

  /** An Argo Rollout whose pods carry {@code app: NAME}, as {@code status.selector} says. */
  public static GenericKubernetesResource rollout(
      KubernetesClient client,
      String namespace,
      String name,
      int replicas,
      Map<String, String> annotations) {
    return client
        .genericKubernetesResources(ROLLOUT.apiVersion(), ROLLOUT.kind())
        .inNamespace(namespace)
        .resource(
            new GenericKubernetesResourceBuilder()
                .withApiVersion(ROLLOUT.apiVersion())
                .withKind(ROLLOUT.kind())
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .withAnnotations(annotations)
                .endMetadata()
                .withAdditionalProperties(
                    Map.of(
                        "spec",
                        Map.of("replicas", replicas),
                        "status",
                        Map.of("replicas", replicas, "selector", "app=" + name)))
                .build())
        .create();
  }

  public static TargetRef rolloutRef(String namespace, String name) {
    return new TargetRef(ROLLOUT, namespace, name);
  }

  /** A pod labelled {@code app: APP} whose Ready condition is {@code ready}. */
  public static Pod pod(
      KubernetesClient client, String namespace, String name, String app, boolean ready) {
    return client
        .pods()
        .inNamespace(namespace)
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .withLabels(Map.of("app", app))
                .endMetadata()
                .withNewStatus()
                .withPhase("Running")
                .addNewCondition()
                .withType("Ready")
                .withStatus(ready ? "True" : "False")
                .endCondition()
                .endStatus()
                .build())
        .create();
  }

  public static HorizontalPodAutoscaler hpa(
      KubernetesClient client, String namespace, String name, String target, int min, int max) {
    return hpa(client, namespace, name, TargetRef.deployment(namespace, target), min, max);
  }

  /** An autoscaling/v2 HPA whose scaleTargetRef names {@code target}. */
  public static HorizontalPodAutoscaler hpa(
      KubernetesClient client, String namespace, String name, TargetRef target, int min, int max) {
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
                .withApiVersion(target.kind().apiVersion())
                .withKind(target.kind().kind())
                .withName(target.name())
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
