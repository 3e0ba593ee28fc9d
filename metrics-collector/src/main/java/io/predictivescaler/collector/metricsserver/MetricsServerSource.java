package io.predictivescaler.collector.metricsserver;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.predictivescaler.collector.source.FailureKind;
import io.predictivescaler.collector.source.InstantSample;
import io.predictivescaler.collector.source.MetricQuery;
import io.predictivescaler.collector.source.MetricSource;
import io.predictivescaler.collector.source.MetricSourceException;
import io.predictivescaler.collector.source.ResourceQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * CPU or memory of a Deployment's pods from metrics-server ({@code metrics.k8s.io}) through the
 * fabric8 client. The fabric8 calls block, so they run on the executor given (a worker pool, never
 * an event loop). The sample value is {@link WorkloadResourceMetrics#totalUsage()}: the workload's
 * load, independent of its replica count.
 */
public final class MetricsServerSource implements MetricSource {

  private final String name;
  private final KubernetesClient client;
  private final Executor blockingExecutor;
  private final PodGrouping grouping = new PodGrouping();

  public MetricsServerSource(String name, KubernetesClient client, Executor blockingExecutor) {
    this.name = name;
    this.client = client;
    this.blockingExecutor = blockingExecutor;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public CompletionStage<InstantSample> instant(MetricQuery query, Instant at) {
    return workloadMetrics(resourceQuery(query), at)
        .thenApply(
            m ->
                m.readyPods() + m.notReadyPods() == 0 || Double.isNaN(m.totalUsage())
                    ? InstantSample.empty(at, List.of())
                    : InstantSample.of(at, m.totalUsage()));
  }

  /** The workload's usage, per pod and grouped as the HPA does, judged at {@code now}. */
  public CompletionStage<WorkloadResourceMetrics> workloadMetrics(
      ResourceQuery query, Instant now) {
    return CompletableFuture.supplyAsync(() -> fetch(query, now), blockingExecutor);
  }

  private WorkloadResourceMetrics fetch(ResourceQuery query, Instant now) {
    String where = "deployment " + query.namespace() + "/" + query.deployment();
    try {
      Deployment deployment =
          client
              .apps()
              .deployments()
              .inNamespace(query.namespace())
              .withName(query.deployment())
              .get();
      if (deployment == null || deployment.getSpec() == null) {
        throw new MetricSourceException(
            name, FailureKind.KUBERNETES, "reading metrics of " + where + ": deployment not found");
      }
      LabelSelector selector = deployment.getSpec().getSelector();
      List<Pod> pods =
          client
              .pods()
              .inNamespace(query.namespace())
              .withLabelSelector(selector)
              .list()
              .getItems();
      Map<String, PodMetrics> metrics = new HashMap<>();
      for (PodMetrics m : podMetrics(query.namespace(), selector)) {
        metrics.put(m.getMetadata().getName(), m);
      }
      return grouping.group(query.resource(), pods, metrics, now, where);
    } catch (KubernetesClientException e) {
      throw new CompletionException(
          new MetricSourceException(
              name,
              FailureKind.KUBERNETES,
              "reading metrics of " + where + ": HTTP " + e.getCode() + " " + e.getMessage(),
              e));
    } catch (MetricSourceException e) {
      throw new CompletionException(e);
    }
  }

  private List<PodMetrics> podMetrics(String namespace, LabelSelector selector) {
    boolean labelsOnly =
        selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty();
    if (labelsOnly && selector.getMatchLabels() != null && !selector.getMatchLabels().isEmpty()) {
      return client
          .top()
          .pods()
          .inNamespace(namespace)
          .withLabels(selector.getMatchLabels())
          .metrics()
          .getItems();
    }
    return client.top().pods().metrics(namespace).getItems();
  }

  private ResourceQuery resourceQuery(MetricQuery query) {
    if (query instanceof ResourceQuery r) {
      return r;
    }
    throw new IllegalArgumentException(
        "source " + name + " reads resource queries, got " + query.describe());
  }

  /** Sums a resource over a pod's containers; unused quantities are skipped. */
  static double containerUsage(PodMetrics metrics, String resource) {
    double sum = 0;
    for (ContainerMetrics c : metrics.getContainers()) {
      Quantity q = c.getUsage() == null ? null : c.getUsage().get(resource);
      if (q != null) {
        sum += q.getNumericalAmount().doubleValue();
      }
    }
    return sum;
  }

  /** Sums the containers' requests; NaN when a container has none (the HPA refuses then). */
  static double podRequest(Pod pod, String resource) {
    double sum = 0;
    for (Container c : pod.getSpec().getContainers()) {
      Quantity q =
          c.getResources() == null || c.getResources().getRequests() == null
              ? null
              : c.getResources().getRequests().get(resource);
      if (q == null) {
        return Double.NaN;
      }
      sum += q.getNumericalAmount().doubleValue();
    }
    return sum;
  }

  static PodCondition readyCondition(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return null;
    }
    return pod.getStatus().getConditions().stream()
        .filter(c -> "Ready".equals(c.getType()))
        .findFirst()
        .orElse(null);
  }
}
