package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetricsBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.predictivescaler.collector.metricsserver.MetricsServerSource;
import io.predictivescaler.collector.metricsserver.WorkloadResourceMetrics;
import io.predictivescaler.collector.source.InstantSample;
import io.predictivescaler.collector.source.MetricSourceException;
import io.predictivescaler.collector.source.PromQlQuery;
import io.predictivescaler.collector.source.ResourceQuery;
import io.predictivescaler.core.config.ResourceName;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadKind;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The metrics-server source the collector reads, and the pod grouping it keeps on the side: one per
 * workload (kind, namespace, name) and resource, the newest reading's, until the workload is
 * forgotten.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class ResourceUsageSourceTest {

  private static final String NS = "shop";
  private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
  private static final TargetRef WEB = TargetRef.deployment(NS, "web");
  private static final TargetRef WEB_SET = new TargetRef(WorkloadKind.STATEFUL_SET, NS, "web");
  private static final TargetRef DB = new TargetRef(WorkloadKind.STATEFUL_SET, NS, "db");
  private static final double MIB = 1024.0 * 1024;

  KubernetesClient client;
  KubernetesMockServer server;

  private final ExecutorService worker = Executors.newSingleThreadExecutor();
  private ResourceUsageSource source;

  @BeforeEach
  void createWorkloads() {
    source = new ResourceUsageSource(new MetricsServerSource("metrics-server", client, worker));
    scale("deployments", "web", "app=web");
    pod("web-1", "app", "web");
    pod("web-2", "app", "web");
    usage("web-1", "app", "web", "300m", "100Mi");
    usage("web-2", "app", "web", "200m", "60Mi");
    scale("statefulsets", "db", "app=db");
    pod("db-0", "app", "db");
    usage("db-0", "app", "db", "900m", "512Mi");
  }

  @AfterEach
  void stopWorker() {
    worker.shutdownNow();
  }

  @Test
  void nothingIsKeptBeforeAReading() {
    assertThat(source.latest(WEB, ResourceName.CPU)).isEmpty();
    assertThat(source.name()).isEqualTo("metrics-server");
  }

  @Test
  void theSampleIsTheWorkloadsTotalUsageAndItsGroupingIsKept() throws Exception {
    InstantSample sample = read(WEB, ResourceName.CPU);

    assertThat(sample.present()).isTrue();
    assertThat(sample.time()).isEqualTo(NOW);
    assertThat(sample.value()).isCloseTo(0.5, within(1e-9));
    WorkloadResourceMetrics kept = source.latest(WEB, ResourceName.CPU).orElseThrow();
    assertThat(kept.resource()).isEqualTo(io.predictivescaler.collector.source.ResourceName.CPU);
    assertThat(kept.readyPods()).isEqualTo(2);
    assertThat(kept.totalUsage()).isEqualTo(sample.value());
  }

  @Test
  void eachResourceOfAWorkloadIsKeptSeparately() throws Exception {
    read(WEB, ResourceName.CPU);
    read(WEB, ResourceName.MEMORY);

    assertThat(source.latest(WEB, ResourceName.CPU).orElseThrow().totalUsage())
        .isCloseTo(0.5, within(1e-9));
    assertThat(source.latest(WEB, ResourceName.MEMORY).orElseThrow().totalUsage())
        .isCloseTo(160 * MIB, within(1.0));
  }

  @Test
  void eachWorkloadIsKeptSeparatelyEvenWhenOnlyItsKindDiffers() throws Exception {
    scale("statefulsets", "web", "app=web-set");
    pod("web-set-0", "app", "web-set");
    usage("web-set-0", "app", "web-set", "50m", "10Mi");

    read(WEB, ResourceName.CPU);
    read(WEB_SET, ResourceName.CPU);
    read(DB, ResourceName.CPU);

    assertThat(source.latest(WEB, ResourceName.CPU).orElseThrow().totalUsage())
        .isCloseTo(0.5, within(1e-9));
    assertThat(source.latest(WEB_SET, ResourceName.CPU).orElseThrow().totalUsage())
        .isCloseTo(0.05, within(1e-9));
    assertThat(source.latest(DB, ResourceName.CPU).orElseThrow().totalUsage())
        .isCloseTo(0.9, within(1e-9));
    assertThat(source.latest(DB, ResourceName.MEMORY)).isEmpty();
  }

  @Test
  void aNewerReadingReplacesTheKeptOne() throws Exception {
    read(WEB, ResourceName.CPU);
    usage("web-3", "app", "web", "1", "1Mi");
    pod("web-3", "app", "web");

    InstantSample sample = read(WEB, ResourceName.CPU);

    assertThat(sample.value()).isCloseTo(1.5, within(1e-9));
    assertThat(source.latest(WEB, ResourceName.CPU).orElseThrow().readyPods()).isEqualTo(3);
  }

  @Test
  void podsWithoutMetricsGiveAnEmptySampleButTheirGroupingIsKept() throws Exception {
    scale("statefulsets", "cache", "app=cache");
    pod("cache-0", "app", "cache");
    pod("cache-1", "app", "cache");
    TargetRef cache = new TargetRef(WorkloadKind.STATEFUL_SET, NS, "cache");

    InstantSample sample = read(cache, ResourceName.CPU);

    assertThat(sample.present()).isFalse();
    WorkloadResourceMetrics kept = source.latest(cache, ResourceName.CPU).orElseThrow();
    assertThat(kept.readyPods()).isZero();
    assertThat(kept.missingPods()).isEqualTo(2);
  }

  @Test
  void aWorkloadWithoutPodsGivesAnEmptySample() throws Exception {
    scale("statefulsets", "idle", "app=idle");
    TargetRef idle = new TargetRef(WorkloadKind.STATEFUL_SET, NS, "idle");

    InstantSample sample = read(idle, ResourceName.MEMORY);

    assertThat(sample.present()).isFalse();
    assertThat(source.latest(idle, ResourceName.MEMORY).orElseThrow().podCount()).isZero();
  }

  @Test
  void aFailedReadingFailsTheSampleAndKeepsThePreviousGrouping() throws Exception {
    read(WEB, ResourceName.CPU);
    WorkloadResourceMetrics before = source.latest(WEB, ResourceName.CPU).orElseThrow();
    TargetRef gone = TargetRef.deployment(NS, "gone");

    assertThatThrownBy(() -> read(gone, ResourceName.CPU))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(MetricSourceException.class)
        .hasMessageContaining("Deployment shop/gone: not found");
    assertThat(source.latest(gone, ResourceName.CPU)).isEmpty();
    assertThat(source.latest(WEB, ResourceName.CPU)).containsSame(before);
  }

  @Test
  void forgettingAWorkloadDropsEveryResourceOfItAndNothingElse() throws Exception {
    read(WEB, ResourceName.CPU);
    read(WEB, ResourceName.MEMORY);
    read(DB, ResourceName.CPU);

    source.forget(WEB);

    assertThat(source.latest(WEB, ResourceName.CPU)).isEmpty();
    assertThat(source.latest(WEB, ResourceName.MEMORY)).isEmpty();
    assertThat(source.latest(DB, ResourceName.CPU)).isPresent();
  }

  @Test
  void aQueryThatIsNotAResourceIsRejectedNamingIt() {
    assertThatThrownBy(() -> source.instant(new PromQlQuery("sum(up)"), NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("source metrics-server reads resource queries, got sum(up)");
  }

  private InstantSample read(TargetRef target, ResourceName resource) throws Exception {
    ResourceQuery query =
        new ResourceQuery(
            target.namespace(),
            target.kind().apiVersion(),
            target.kind().kind(),
            target.name(),
            io.predictivescaler.collector.source.ResourceName.fromKey(resource.yamlName()));
    return source.instant(query, NOW).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** The Scale of a target, served by expectation (CRUD mode has no {@code status.selector}). */
  private void scale(String resource, String name, String selector) {
    server
        .expect()
        .get()
        .withPath("/apis/apps/v1/namespaces/" + NS + "/" + resource + "/" + name + "/scale")
        .andReturn(
            200,
            new ScaleBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(NS)
                .endMetadata()
                .withNewStatus()
                .withReplicas(1)
                .withSelector(selector)
                .endStatus()
                .build())
        .always();
  }

  private void pod(String name, String label, String value) {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withLabels(Map.of(label, value))
            .endMetadata()
            .withNewSpec()
            .withContainers(
                new ContainerBuilder()
                    .withName("app")
                    .withNewResources()
                    .withRequests(
                        Map.of("cpu", new Quantity("500m"), "memory", new Quantity("1Gi")))
                    .endResources()
                    .build())
            .endSpec()
            .withNewStatus()
            .withPhase("Running")
            .withStartTime(NOW.minusSeconds(3600).toString())
            .addNewCondition()
            .withType("Ready")
            .withStatus("True")
            .withLastTransitionTime(NOW.minusSeconds(3600).toString())
            .endCondition()
            .endStatus()
            .build();
    client.pods().inNamespace(NS).resource(pod).create();
  }

  private void usage(String pod, String label, String value, String cpu, String memory) {
    PodMetrics metrics =
        new PodMetricsBuilder()
            .withNewMetadata()
            .withName(pod)
            .withNamespace(NS)
            .withLabels(Map.of(label, value))
            .endMetadata()
            .withTimestamp(NOW.minusSeconds(10).toString())
            .withWindow(
                new io.fabric8.kubernetes.api.model.Duration(java.time.Duration.ofSeconds(15)))
            .addToContainers(
                new ContainerMetricsBuilder()
                    .withName("app")
                    .withUsage(Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory)))
                    .build())
            .build();
    client.resources(PodMetrics.class).inNamespace(NS).resource(metrics).create();
  }
}
