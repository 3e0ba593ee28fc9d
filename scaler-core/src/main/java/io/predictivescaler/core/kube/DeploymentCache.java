package io.predictivescaler.core.kube;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.predictivescaler.core.actuate.ScalerAnnotations;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.tick.ReplicaCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deployments as a fabric8 informer keeps them (list, then watch), one informer per watched
 * namespace or one for all, so that the tick reads replica counts from memory. Informers retry
 * failed lists and watches with fabric8's backoff; {@link #isWatching()} says whether the API is
 * currently reachable for them.
 */
public final class DeploymentCache implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DeploymentCache.class);

  private final KubernetesClient client;
  private final List<String> namespaces;
  private final List<SharedIndexInformer<Deployment>> informers = new ArrayList<>();

  /**
   * @param namespaces the namespaces whose Deployments are cached; empty means all
   */
  public DeploymentCache(KubernetesClient client, List<String> namespaces) {
    this.client = Objects.requireNonNull(client, "client");
    this.namespaces = List.copyOf(namespaces);
  }

  /** Starts the informers; the stage completes once each has listed its Deployments. */
  public synchronized CompletionStage<Void> start() {
    if (!informers.isEmpty()) {
      throw new IllegalStateException("deployment cache already started");
    }
    if (namespaces.isEmpty()) {
      informers.add(client.apps().deployments().inAnyNamespace().runnableInformer(0));
    } else {
      for (String namespace : namespaces) {
        informers.add(client.apps().deployments().inNamespace(namespace).runnableInformer(0));
      }
    }
    CompletableFuture<?>[] started =
        informers.stream()
            .map(
                informer ->
                    informer
                        .exceptionHandler(
                            (wasStarted, error) -> {
                              LOG.warn(
                                  "watching Deployments failed, retrying with backoff: {}",
                                  error.toString());
                              return true;
                            })
                        .start()
                        .toCompletableFuture())
            .toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(started);
  }

  /** The Deployment's replica counts, or empty when it does not exist (or is not cached yet). */
  public Optional<ReplicaCounts> replicas(TargetRef target) {
    return deployment(target).map(DeploymentCache::counts);
  }

  /** The cached Deployment. */
  public Optional<Deployment> deployment(TargetRef target) {
    String key = target.namespace() + "/" + target.name();
    for (SharedIndexInformer<Deployment> informer : snapshot()) {
      Deployment found = informer.getStore().getByKey(key);
      if (found != null) {
        return Optional.of(found);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the cached Deployment carries the pause annotation; false when it is not cached. The
   * actuators read the Deployment afresh before each write: this answer is for display.
   */
  public boolean isPaused(TargetRef target) {
    return deployment(target).map(ScalerAnnotations::isPaused).orElse(false);
  }

  /** True when every informer has synced and holds an open watch. */
  public boolean isWatching() {
    List<SharedIndexInformer<Deployment>> all = snapshot();
    return !all.isEmpty() && all.stream().allMatch(i -> i.hasSynced() && i.isWatching());
  }

  @Override
  public synchronized void close() {
    informers.forEach(SharedIndexInformer::stop);
  }

  private synchronized List<SharedIndexInformer<Deployment>> snapshot() {
    return List.copyOf(informers);
  }

  static ReplicaCounts counts(Deployment deployment) {
    Integer desired = deployment.getSpec() == null ? null : deployment.getSpec().getReplicas();
    Integer ready =
        deployment.getStatus() == null ? null : deployment.getStatus().getReadyReplicas();
    return new ReplicaCounts(desired == null ? 1 : desired, ready == null ? 0 : ready);
  }
}
