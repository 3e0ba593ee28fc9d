package io.predictivescaler.core.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadKind;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Any scale target through fabric8's generic API: its {@code /scale} subresource (replicas,
 * selector, resourceVersion), the object itself (annotations, UID) and its pods. The built-in kinds
 * resolve from fabric8's model; other kinds by API discovery of their group/version, which every
 * authenticated client may read.
 */
public final class ScaleTargetApi {

  private final KubernetesClient client;

  public ScaleTargetApi(KubernetesClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /**
   * The target's Scale; empty when the object does not exist.
   *
   * @throws KubernetesClientException on API errors, and (404) when the API server does not serve
   *     the kind
   */
  public Optional<ScaleView> scale(TargetRef target) {
    try {
      return Optional.ofNullable(resource(target).scale()).map(ScaleView::of);
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND && !(e instanceof KindNotServed)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The target object; empty when it does not exist. */
  public Optional<GenericKubernetesResource> object(TargetRef target) {
    return Optional.ofNullable(resource(target).get());
  }

  /**
   * Sets {@code spec.replicas} through the {@code /scale} subresource with a JSON merge patch (as
   * {@code kubectl scale} does), with the resourceVersion read as precondition: a change in between
   * answers 409 instead of being overwritten.
   */
  public void patchReplicas(TargetRef target, String resourceVersion, int replicas) {
    String patch =
        "{\"metadata\":{\"resourceVersion\":\""
            + resourceVersion
            + "\"},\"spec\":{\"replicas\":"
            + replicas
            + "}}";
    resource(target).subresource("scale").patch(PatchContext.of(PatchType.JSON_MERGE), patch);
  }

  /** The pods a label selector (as a Scale's {@code status.selector} writes it) matches. */
  public List<Pod> pods(String namespace, String selector) {
    return client.pods().inNamespace(namespace).withLabelSelector(selector).list().getItems();
  }

  private Resource<GenericKubernetesResource> resource(TargetRef target) {
    return kind(target.kind()).inNamespace(target.namespace()).withName(target.name());
  }

  private MixedOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      kind(WorkloadKind kind) {
    try {
      return client.genericKubernetesResources(kind.apiVersion(), kind.kind());
    } catch (KubernetesClientException e) {
      if (e.getCode() >= 400 && e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
        throw e; // discovery failed: the API server, not the kind
      }
      // fabric8 found neither a model class nor the kind in the group/version's discovery
      throw new KindNotServed(kind);
    }
  }

  /** The API server does not serve the target's kind: a missing CRD or a wrong apiVersion. */
  private static final class KindNotServed extends KubernetesClientException {

    KindNotServed(WorkloadKind kind) {
      this(
          "the API server serves no kind "
              + kind.kind()
              + " in "
              + kind.apiVersion()
              + " (is its CustomResourceDefinition installed, with this version?)");
    }

    private KindNotServed(String message) {
      super(
          message,
          HttpURLConnection.HTTP_NOT_FOUND,
          new StatusBuilder()
              .withCode(HttpURLConnection.HTTP_NOT_FOUND)
              .withReason("NotFound")
              .withMessage(message)
              .build());
    }
  }
}
