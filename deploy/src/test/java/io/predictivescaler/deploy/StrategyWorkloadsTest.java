package io.predictivescaler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Workloads per architecture, workload type and environment. */
class StrategyWorkloadsTest {

  static Stream<StrategyCombination> batch() {
    return StrategyRenders.cover().filter(c -> c.workloadType().equals("batch-jobs"));
  }

  static Stream<StrategyCombination> aiMl() {
    return StrategyRenders.cover().filter(c -> c.workloadType().equals("ai-ml"));
  }

  @ParameterizedTest
  @MethodSource("io.predictivescaler.deploy.StrategyRenders#cover")
  void rendersTheArchitecturesAndWorkloadTypesDeploymentsWithServices(StrategyCombination c) {
    List<HasMetadata> objects = StrategyRenders.of(c);

    List<String> deployments =
        applicationDeployments(objects).stream().map(d -> d.getMetadata().getName()).toList();

    assertThat(deployments)
        .containsExactlyInAnyOrderElementsOf(StrategyExpectations.deployments(c));
    assertThat(Manifests.ofType(objects, Service.class))
        .extracting(s -> s.getMetadata().getName())
        .containsAll(deployments);
  }

  @ParameterizedTest
  @MethodSource("io.predictivescaler.deploy.StrategyRenders#cover")
  @SuppressWarnings("unchecked")
  void routesMicroservicesThroughTheMeshOnly(StrategyCombination c) {
    List<HasMetadata> objects = StrategyRenders.of(c);
    boolean mesh = c.applicationArchitecture().equals("microservices");

    var virtualServices = Manifests.custom(objects, "VirtualService");
    var destinationRules = Manifests.custom(objects, "DestinationRule");

    assertThat(virtualServices).hasSize(mesh ? 1 : 0);
    assertThat(destinationRules).hasSize(mesh ? 1 : 0);
    Stream.concat(virtualServices.stream(), destinationRules.stream())
        .forEach(o -> assertThat(o.getApiVersion()).isEqualTo("networking.istio.io/v1"));
    if (mesh) {
      Map<String, String> podLabels =
          Manifests.named(objects, Deployment.class, "user-service")
              .getSpec()
              .getTemplate()
              .getMetadata()
              .getLabels();
      assertThat(podLabels).containsEntry("sidecar.istio.io/inject", "true");
      var subsets =
          (List<Map<String, Object>>) Manifests.spec(destinationRules.get(0)).get("subsets");
      assertThat(subsets)
          .allSatisfy(
              s ->
                  assertThat(podLabels)
                      .containsAllEntriesOf((Map<String, String>) s.get("labels")));
      assertThat((Map<String, Object>) Manifests.spec(destinationRules.get(0)).get("trafficPolicy"))
          .containsKey("outlierDetection");
    }
  }

  @ParameterizedTest
  @MethodSource("batch")
  void batchRunsAJobAndACronJobSizedByTheCluster(StrategyCombination c) {
    List<HasMetadata> objects = StrategyRenders.of(c);

    Job job = Manifests.named(objects, Job.class, "data-processing-job");
    CronJob cron = Manifests.named(objects, CronJob.class, "daily-data-processing");

    assertThat(job.getSpec().getParallelism())
        .isEqualTo(StrategyExpectations.size(c).parallelism());
    assertThat(job.getSpec().getCompletions()).isEqualTo(100);
    assertThat(cron.getSpec().getSchedule()).isEqualTo("0 2 * * *");
    String claim =
        job.getSpec().getTemplate().getSpec().getVolumes().stream()
            .filter(v -> v.getPersistentVolumeClaim() != null)
            .findFirst()
            .orElseThrow()
            .getPersistentVolumeClaim()
            .getClaimName();
    assertThat(Manifests.named(objects, PersistentVolumeClaim.class, claim)).isNotNull();
  }

  @ParameterizedTest
  @MethodSource("io.predictivescaler.deploy.StrategyRenders#cover")
  void rendersBatchObjectsForBatchJobsOnly(StrategyCombination c) {
    List<HasMetadata> objects = StrategyRenders.of(c);
    int expected = c.workloadType().equals("batch-jobs") ? 1 : 0;

    assertThat(Manifests.ofType(objects, Job.class)).hasSize(expected);
    assertThat(Manifests.ofType(objects, CronJob.class)).hasSize(expected);
  }

  @ParameterizedTest
  @MethodSource("aiMl")
  void aiMlRunsOnGpusWithAModelVolume(StrategyCombination c) {
    List<HasMetadata> objects = StrategyRenders.of(c);

    Deployment inference = Manifests.named(objects, Deployment.class, "ml-inference-service");
    Container model = inference.getSpec().getTemplate().getSpec().getContainers().get(0);

    assertThat(model.getResources().getLimits()).containsEntry("nvidia.com/gpu", new Quantity("1"));
    assertThat(model.getResources().getRequests())
        .containsEntry("nvidia.com/gpu", new Quantity("1"));
    assertThat(inference.getSpec().getTemplate().getSpec().getNodeSelector()).isNotEmpty();
    PersistentVolumeClaim pvc =
        Manifests.named(objects, PersistentVolumeClaim.class, "model-storage-pvc");
    assertThat(pvc.getSpec().getResources().getRequests())
        .containsEntry("storage", new Quantity("100Gi"));
    assertThat(inference.getSpec().getTemplate().getSpec().getVolumes())
        .filteredOn(v -> v.getPersistentVolumeClaim() != null)
        .extracting(v -> v.getPersistentVolumeClaim().getClaimName())
        .containsExactly("model-storage-pvc");
    assertThat(model.getVolumeMounts())
        .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/models"));
  }

  @ParameterizedTest
  @MethodSource("io.predictivescaler.deploy.StrategyRenders#cover")
  void spreadsPodsOverZonesInProductionEnvironmentsOnly(StrategyCombination c) {
    boolean production = List.of("production", "multi-region").contains(c.environment());

    assertThat(applicationDeployments(StrategyRenders.of(c)))
        .allSatisfy(
            d ->
                assertThat(d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints())
                    .as(d.getMetadata().getName())
                    .hasSize(production ? 2 : 0));
  }

  private static List<Deployment> applicationDeployments(List<HasMetadata> objects) {
    return Manifests.ofType(objects, Deployment.class).stream()
        .filter(d -> ChartRenderer.NAMESPACE.equals(d.getMetadata().getNamespace()))
        .toList();
  }
}
