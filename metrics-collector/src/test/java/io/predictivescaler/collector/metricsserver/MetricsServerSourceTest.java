package io.predictivescaler.collector.metricsserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetricsBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.predictivescaler.collector.source.FailureKind;
import io.predictivescaler.collector.source.InstantSample;
import io.predictivescaler.collector.source.MetricSourceException;
import io.predictivescaler.collector.source.ResourceName;
import io.predictivescaler.collector.source.ResourceQuery;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class MetricsServerSourceTest {

  private static final String NS = "shop";
  private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");
  private static final Instant STARTED = NOW.minusSeconds(600);
  private static final Map<String, String> LABELS = Map.of("app", "web");

  KubernetesClient client;
  KubernetesMockServer server;

  private final ExecutorService worker = Executors.newSingleThreadExecutor();
  private MetricsServerSource source;

  @BeforeEach
  void createWorkload() {
    source = new MetricsServerSource("metrics-server", client, worker);
    client
        .apps()
        .deployments()
        .inNamespace(NS)
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName("web")
                .endMetadata()
                .withNewSpec()
                .withNewSelector()
                .withMatchLabels(LABELS)
                .endSelector()
                .endSpec()
                .build())
        .create();
    scale("apps/v1", "deployments", "web", "app=web");
    pod("web-1", "Running", "True", STARTED, LABELS);
    pod("web-2", "Running", "True", STARTED, LABELS);
    pod("web-3", "Pending", "False", STARTED, LABELS);
    pod("web-4", "Running", "True", STARTED, LABELS);
    pod("web-5", "Running", "False", STARTED.plusSeconds(5), LABELS);
    pod("web-6", "Failed", "False", STARTED, LABELS);
    pod("other-1", "Running", "True", STARTED, Map.of("app", "other"));
    metrics("web-1", LABELS, "250m", "50m");
    metrics("web-2", LABELS, "400m");
    metrics("web-5", LABELS, "100m");
    metrics("web-6", LABELS, "900m");
    metrics("other-1", Map.of("app", "other"), "2");
  }

  @AfterEach
  void stopWorker() {
    worker.shutdownNow();
  }

  @Test
  void groupsCpuOfTheDeploymentsPodsAsTheHpaDoes() throws Exception {
    WorkloadResourceMetrics m = fetch(ResourceName.CPU);

    assertThat(m.readyPods()).isEqualTo(2);
    assertThat(m.notReadyPods()).as("pending web-3, not ready web-5").isEqualTo(2);
    assertThat(m.missingPods()).as("web-4 has no metric").isEqualTo(1);
    assertThat(m.readyUsage()).isCloseTo(0.7, within(1e-9));
    assertThat(m.readyRequests()).isCloseTo(1.0, within(1e-9));
    assertThat(m.utilization()).isCloseTo(0.7, within(1e-9));
    assertThat(m.totalUsage()).isCloseTo(0.8, within(1e-9));
    assertThat(m.pods())
        .extracting(PodResourceUsage::pod, PodResourceUsage::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("web-1", PodState.READY),
            org.assertj.core.groups.Tuple.tuple("web-2", PodState.READY),
            org.assertj.core.groups.Tuple.tuple("web-3", PodState.NOT_READY),
            org.assertj.core.groups.Tuple.tuple("web-4", PodState.MISSING),
            org.assertj.core.groups.Tuple.tuple("web-5", PodState.NOT_READY));
  }

  @Test
  void memoryIgnoresReadinessOfRunningPods() throws Exception {
    WorkloadResourceMetrics m = fetch(ResourceName.MEMORY);

    assertThat(m.readyPods()).isEqualTo(3);
    assertThat(m.notReadyPods()).isEqualTo(1);
    assertThat(m.missingPods()).isEqualTo(1);
    assertThat(m.readyUsage()).isCloseTo(3 * 64.0 * 1024 * 1024 + 64.0 * 1024 * 1024, within(1.0));
    assertThat(m.utilization()).isCloseTo(m.readyUsage() / (3 * 128.0 * 1024 * 1024), within(1e-9));
  }

  @Test
  void readsThePodsTheScaleSelectorOfAnyKindMatches() throws Exception {
    scale("apps/v1", "statefulsets", "db", "app=db,tier=data");
    Map<String, String> labels = Map.of("app", "db", "tier", "data");
    pod("db-0", "Running", "True", STARTED, labels);
    pod("db-1", "Running", "False", STARTED, labels);
    pod("db-old", "Running", "True", STARTED, Map.of("app", "db", "tier", "old"));
    metrics("db-0", labels, "300m");
    metrics("db-old", Map.of("app", "db", "tier", "old"), "900m");

    WorkloadResourceMetrics m =
        source
            .workloadMetrics(
                new ResourceQuery(NS, "apps/v1", "StatefulSet", "db", ResourceName.CPU), NOW)
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);

    assertThat(m.pods()).extracting(PodResourceUsage::pod).containsExactly("db-0", "db-1");
    assertThat(m.readyPods()).isEqualTo(1);
    assertThat(m.readyUsage()).isCloseTo(0.3, within(1e-9));
  }

  @Test
  void aScaleWithoutSelectorFailsNamingTheTarget() {
    scale("apps/v1", "statefulsets", "no-selector", null);

    assertThatThrownBy(
            () ->
                source
                    .workloadMetrics(
                        new ResourceQuery(
                            NS, "apps/v1", "StatefulSet", "no-selector", ResourceName.CPU),
                        NOW)
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(MetricSourceException.class)
        .hasMessageContaining("StatefulSet shop/no-selector")
        .hasMessageContaining("no status.selector");
  }

  @Test
  void instantValueIsTheWorkloadsTotalUsage() throws Exception {
    InstantSample s =
        source.instant(web(ResourceName.CPU), NOW).toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertThat(s.present()).isTrue();
    assertThat(s.time()).isEqualTo(NOW);
    assertThat(s.value()).isCloseTo(0.8, within(1e-9));
  }

  @Test
  void missingTargetFailsNamingIt() {
    assertThatThrownBy(
            () ->
                source
                    .workloadMetrics(
                        new ResourceQuery(NS, "apps/v1", "Deployment", "gone", ResourceName.CPU),
                        NOW)
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            MetricSourceException.class,
            e -> assertThat(e.kind()).isEqualTo(FailureKind.KUBERNETES))
        .hasMessage("reading metrics of Deployment shop/gone: not found");
  }

  @Test
  void podNamesAreThoseTheScaleSelectorMatchesInAnyState() throws Exception {
    assertThat(
            source.podNames(web(ResourceName.CPU)).toCompletableFuture().get(10, TimeUnit.SECONDS))
        .containsExactlyInAnyOrder("web-1", "web-2", "web-3", "web-4", "web-5", "web-6");
  }

  @Test
  void podNamesOfAMissingTargetFailNamingIt() {
    assertThatThrownBy(
            () ->
                source
                    .podNames(
                        new ResourceQuery(NS, "apps/v1", "Deployment", "gone", ResourceName.CPU))
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(MetricSourceException.class)
        .hasMessage("listing the pods of Deployment shop/gone: not found");
  }

  private static ResourceQuery web(ResourceName resource) {
    return new ResourceQuery(NS, "apps/v1", "Deployment", "web", resource);
  }

  /**
   * The Scale the API server answers for {@code kind/name}. The mock server's CRUD mode answers a
   * {@code /scale} read with the whole object, which has no {@code status.selector}, so the Scale
   * is served by expectation.
   */
  private void scale(String apiVersion, String resource, String name, String selector) {
    server
        .expect()
        .get()
        .withPath(
            "/apis/" + apiVersion + "/namespaces/" + NS + "/" + resource + "/" + name + "/scale")
        .andReturn(
            200,
            new ScaleBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(NS)
                .endMetadata()
                .withNewSpec()
                .withReplicas(2)
                .endSpec()
                .withNewStatus()
                .withReplicas(2)
                .withSelector(selector)
                .endStatus()
                .build())
        .always();
  }

  private WorkloadResourceMetrics fetch(ResourceName resource) throws Exception {
    return source
        .workloadMetrics(web(resource), NOW)
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  private void pod(
      String name, String phase, String ready, Instant readySince, Map<String, String> labels) {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withLabels(labels)
            .endMetadata()
            .withNewSpec()
            .withContainers(
                new ContainerBuilder()
                    .withName("app")
                    .withNewResources()
                    .withRequests(
                        Map.of("cpu", new Quantity("500m"), "memory", new Quantity("128Mi")))
                    .endResources()
                    .build())
            .endSpec()
            .withNewStatus()
            .withPhase(phase)
            .withStartTime(STARTED.toString())
            .addNewCondition()
            .withType("Ready")
            .withStatus(ready)
            .withLastTransitionTime(readySince.toString())
            .endCondition()
            .endStatus()
            .build();
    client.pods().inNamespace(NS).resource(pod).create();
  }

  private void metrics(String pod, Map<String, String> labels, String... cpuPerContainer) {
    PodMetricsBuilder builder =
        new PodMetricsBuilder()
            .withNewMetadata()
            .withName(pod)
            .withNamespace(NS)
            .withLabels(labels)
            .endMetadata()
            .withTimestamp(NOW.minusSeconds(10).toString())
            .withWindow(
                new io.fabric8.kubernetes.api.model.Duration(java.time.Duration.ofSeconds(15)));
    for (int i = 0; i < cpuPerContainer.length; i++) {
      builder.addToContainers(
          new ContainerMetricsBuilder()
              .withName("c" + i)
              .withUsage(
                  Map.of("cpu", new Quantity(cpuPerContainer[i]), "memory", new Quantity("64Mi")))
              .build());
    }
    PodMetrics metrics = builder.build();
    client.resources(PodMetrics.class).inNamespace(NS).resource(metrics).create();
  }
}
