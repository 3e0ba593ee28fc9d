package io.predictivescaler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Cluster sizing, storage, database, backup, monitoring and GitOps per combination. */
class StrategyInfrastructureTest {

  private static final List<String> OUTDATED_API_VERSIONS =
      List.of(
          "policy/v1beta1",
          "networking.istio.io/v1beta1",
          "networking.istio.io/v1alpha3",
          "tekton.dev/v1beta1",
          "autoscaling/v2beta1",
          "autoscaling/v2beta2",
          "batch/v1beta1",
          "extensions/v1beta1");

  @ParameterizedTest
  @MethodSource("io.predictivescaler.deploy.StrategyRenders#cover")
  void documentsTheClusterSizingForTheSizeAndProvider(StrategyCombination c) {
    SizeExpectation size = StrategyExpectations.size(c);
    ProviderExpectation provider = StrategyExpectations.provider(c);

    Map<String, String> sizing =
        Manifests.named(StrategyRenders.of(c), ConfigMap.class, "cluster-sizing").getData();

    assertThat(sizing)
        .containsEntry("controlPlaneReplicas", String.valueOf(size.controlPlane()))
        .containsEntry("workerMinNodes", String.valueOf(size.workersMin()))
        .containsEntry("workerMaxNodes", String.valueOf(size.workersMax()))
        .containsEntry("controlPlaneInstanceType", provider.controlPlaneInstance())
        .containsEntry("workerInstanceType", provider.workerInstance())
        .containsEntry("defaultStorageClass", provider.storageClass());
    assertThat(sizing.get("cluster-config.yaml")).contains("replicas: " + size.controlPlane());
  }

  @ParameterizedTest
  @MethodSource("io.predictivescaler.deploy.StrategyRenders#cover")
  void providesTheProvidersDefaultStorageClassAndEveryVolumeUsesIt(StrategyCombination c) {
    List<HasMetadata> objects = StrategyRenders.of(c);
    String storageClass = StrategyExpectations.provider(c).storageClass();

    StorageClass defaultClass = Manifests.named(objects, StorageClass.class, storageClass);

    assertThat(defaultClass.getMetadata().getAnnotations())
        .containsEntry("storageclass.kubernetes.io/is-default-class", "true");
    if (c.cloudProvider().equals("aws")) {
      assertThat(defaultClass.getProvisioner()).isEqualTo("ebs.csi.aws.com");
      assertThat(defaultClass.getParameters()).containsEntry("type", "gp3");
    }
    assertThat(Manifests.ofType(objects, PersistentVolumeClaim.class))
        .allSatisfy(p -> assertThat(p.getSpec().getStorageClassName()).isEqualTo(storageClass));
    StatefulSet database = Manifests.named(objects, StatefulSet.class, "database-cluster");
    assertThat(database.getSpec().getVolumeClaimTemplates())
        .allSatisfy(p -> assertThat(p.getSpec().getStorageClassName()).isEqualTo(storageClass));
    assertThat(database.getSpec().getServiceName()).isEqualTo("database-service");
  }

  @ParameterizedTest
  @MethodSource("io.predictivescaler.deploy.StrategyRenders#cover")
  void backsUpWithVeleroToTheProvidersObjectStorage(StrategyCombination c) {
    List<HasMetadata> objects = StrategyRenders.of(c);

    var schedule = Manifests.custom(objects, "Schedule");
    var location = Manifests.custom(objects, "BackupStorageLocation");

    assertThat(schedule)
        .singleElement()
        .satisfies(s -> assertThat(s.getApiVersion()).isEqualTo("velero.io/v1"));
    assertThat(location)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(Manifests.spec(l))
                  .containsEntry("provider", StrategyExpectations.provider(c).backupProvider());
              assertThat(
                      ((Map<?, ?>) Manifests.spec(schedule.get(0)).get("template"))
                          .get("storageLocation"))
                  .isEqualTo(l.getMetadata().getName());
            });
  }

  @ParameterizedTest
  @MethodSource("io.predictivescaler.deploy.StrategyRenders#cover")
  void runsTheClusterAutoscalerForAutoScalingOnCloudsOnly(StrategyCombination c) {
    List<Deployment> autoscalers =
        Manifests.ofType(StrategyRenders.of(c), Deployment.class).stream()
            .filter(d -> d.getMetadata().getName().equals("cluster-autoscaler"))
            .toList();

    assertThat(autoscalers).hasSize(StrategyExpectations.runsClusterAutoscaler(c) ? 1 : 0);
    autoscalers.forEach(
        d ->
            assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .startsWith("registry.k8s.io/autoscaling/cluster-autoscaler:v1."));
  }

  @ParameterizedTest
  @MethodSource("io.predictivescaler.deploy.StrategyRenders#cover")
  void shipsScrapeConfigAndAValidDashboardForTheWorkloadType(StrategyCombination c)
      throws Exception {
    List<HasMetadata> objects = StrategyRenders.of(c);

    ConfigMap dashboard =
        Manifests.named(objects, ConfigMap.class, "grafana-dashboard-" + c.workloadType());
    JsonNode json = new ObjectMapper().readTree(dashboard.getData().get("dashboard.json"));

    assertThat(Manifests.named(objects, ConfigMap.class, "prometheus-config").getData())
        .containsKey("prometheus.yml");
    assertThat(json.get("title").asText()).isEqualTo(c.workloadType() + " Monitoring");
    List<String> titles = json.get("panels").findValuesAsText("title");
    assertThat(titles).contains("Pod CPU Usage", "Pod Memory Usage");
    assertThat(titles.contains("Request Rate")).isEqualTo(c.workloadType().equals("web-services"));
  }

  @ParameterizedTest
  @MethodSource("io.predictivescaler.deploy.StrategyRenders#cover")
  void syncsTheEnvironmentsOverlayAndBuildsWithTektonV1(StrategyCombination c) {
    List<HasMetadata> objects = StrategyRenders.of(c);

    var application = Manifests.custom(objects, "Application");
    var pipeline = Manifests.custom(objects, "Pipeline");

    assertThat(application)
        .singleElement()
        .satisfies(
            a -> {
              Map<?, ?> source = (Map<?, ?>) Manifests.spec(a).get("source");
              assertThat(source.get("path")).isEqualTo("overlays/" + c.environment());
              assertThat(source.get("targetRevision")).isNotEqualTo("HEAD");
            });
    assertThat(pipeline)
        .singleElement()
        .satisfies(p -> assertThat(p.getApiVersion()).isEqualTo("tekton.dev/v1"));
  }

  @ParameterizedTest
  @MethodSource("io.predictivescaler.deploy.StrategyRenders#cover")
  void usesCurrentApisAndLabelsEveryObject(StrategyCombination c) {
    assertThat(StrategyRenders.of(c))
        .allSatisfy(
            o -> {
              assertThat(o.getApiVersion()).isNotIn(OUTDATED_API_VERSIONS);
              assertThat(o.getKind()).isNotEqualTo("PodSecurityPolicy");
              assertThat(o.getMetadata().getLabels())
                  .containsEntry("app.kubernetes.io/instance", ChartRenderer.RELEASE)
                  .containsEntry("app.kubernetes.io/part-of", "orchestration-strategy")
                  .containsEntry("app.kubernetes.io/managed-by", "Helm")
                  .containsKeys("app.kubernetes.io/name", "app.kubernetes.io/version");
            });
  }
}
