package io.predictivescaler.collector.metricsserver;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU or memory of a scale target's pods from metrics-server ({@code metrics.k8s.io}) through the
 * fabric8 client; the pods are those the label selector of the target's {@code /scale} subresource
 * matches, for any kind that serves one. The fabric8 calls block, so they run on the executor given
 * (a worker pool, never an event loop). The sample value is {@link
 * WorkloadResourceMetrics#totalUsage()}: the workload's load, independent of its replica count.
 */
public final class MetricsServerSource implements MetricSource {

  private final String name;
  private final KubernetesClient client;
  private final Executor blockingExecutor;

  /** A selector term {@code key=value} (or {@code key==value}). */
  private static final Pattern EQUALITY = Pattern.compile("([^=!,()\\s]+)==?([^=!,()\\s]*)");

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

  /**
   * The names of the pods the target's {@code /scale} selector matches now, whatever their state
   * (the cAdvisor backfill reads the series of each).
   */
  public CompletionStage<List<String>> podNames(ResourceQuery query) {
    return CompletableFuture.supplyAsync(
        () -> {
          String doing = "listing the pods of " + where(query);
          try {
            return pods(query, selector(query, doing)).stream()
                .map(pod -> pod.getMetadata().getName())
                .toList();
          } catch (KubernetesClientException e) {
            throw new CompletionException(failure(doing, e));
          } catch (MetricSourceException e) {
            throw new CompletionException(e);
          }
        },
        blockingExecutor);
  }

  private WorkloadResourceMetrics fetch(ResourceQuery query, Instant now) {
    String doing = "reading metrics of " + where(query);
    try {
      String selector = selector(query, doing);
      List<Pod> pods = pods(query, selector);
      Map<String, PodMetrics> metrics = new HashMap<>();
      for (PodMetrics m : podMetrics(query.namespace(), selector)) {
        metrics.put(m.getMetadata().getName(), m);
      }
      return grouping.group(query.resource(), pods, metrics, now, where(query));
    } catch (KubernetesClientException e) {
      throw new CompletionException(failure(doing, e));
    } catch (MetricSourceException e) {
      throw new CompletionException(e);
    }
  }

  private static String where(ResourceQuery query) {
    return query.kind() + " " + query.namespace() + "/" + query.name();
  }

  private MetricSourceException failure(String doing, KubernetesClientException e) {
    return new MetricSourceException(
        name, FailureKind.KUBERNETES, doing + ": HTTP " + e.getCode() + " " + e.getMessage(), e);
  }

  private List<Pod> pods(ResourceQuery query, String selector) {
    return client
        .pods()
        .inNamespace(query.namespace())
        .withLabelSelector(selector)
        .list()
        .getItems();
  }

  /** The label selector of the target's pods, from its {@code /scale} subresource. */
  private String selector(ResourceQuery query, String doing) {
    Scale scale;
    try {
      scale =
          client
              .genericKubernetesResources(query.apiVersion(), query.kind())
              .inNamespace(query.namespace())
              .withName(query.name())
              .scale();
    } catch (KubernetesClientException e) {
      if (e.getCode() >= 400 && e.getCode() != 404) {
        throw e;
      }
      scale = null; // no such object, or (no HTTP code) no such kind in the API's discovery
    }
    if (scale == null) {
      throw new MetricSourceException(name, FailureKind.KUBERNETES, doing + ": not found");
    }
    String selector = scale.getStatus() == null ? null : scale.getStatus().getSelector();
    if (selector == null || selector.isBlank()) {
      throw new MetricSourceException(
          name,
          FailureKind.KUBERNETES,
          doing + ": its /scale subresource has no status.selector, so its pods cannot be found");
    }
    return selector;
  }

  /**
   * The usage of the selected pods: asked for by labels when the selector is plain {@code k=v}
   * terms, else of the whole namespace (the grouping keeps only the listed pods).
   */
  private List<PodMetrics> podMetrics(String namespace, String selector) {
    Map<String, String> labels = new HashMap<>();
    for (String term : selector.split(",")) {
      Matcher equality = EQUALITY.matcher(term.strip());
      if (!equality.matches()) {
        return client.top().pods().metrics(namespace).getItems();
      }
      labels.put(equality.group(1), equality.group(2));
    }
    return client.top().pods().inNamespace(namespace).withLabels(labels).metrics().getItems();
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
