package io.predictivescaler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Scaling per the strategy: HPA, predictive-scaler policy, KEDA or fixed replicas. */
class StrategyScalingTest {

  static Stream<StrategyCombination> autoScaling() {
    return StrategyRenders.cover().filter(c -> c.scaling().equals("auto-scaling"));
  }

  static Stream<StrategyCombination> predictive() {
    return StrategyRenders.cover().filter(c -> c.scaling().equals("predictive"));
  }

  static Stream<StrategyCombination> eventDriven() {
    return StrategyRenders.cover().filter(c -> c.scaling().equals("event-driven"));
  }

  static Stream<StrategyCombination> manual() {
    return StrategyRenders.cover().filter(c -> c.scaling().equals("manual"));
  }

  @ParameterizedTest
  @MethodSource("autoScaling")
  void autoScalingBoundsAnHpaPerWorkloadByClusterSize(StrategyCombination c) {
    List<HasMetadata> objects = StrategyRenders.of(c);
    SizeExpectation size = StrategyExpectations.size(c);

    List<HorizontalPodAutoscaler> hpas = Manifests.ofType(objects, HorizontalPodAutoscaler.class);

    assertThat(hpas)
        .extracting(h -> h.getSpec().getScaleTargetRef().getName())
        .containsExactlyInAnyOrderElementsOf(StrategyExpectations.deployments(c));
    assertThat(hpas)
        .allSatisfy(
            h -> {
              assertThat(h.getApiVersion()).isEqualTo("autoscaling/v2");
              assertThat(h.getSpec().getMinReplicas()).isEqualTo(size.minReplicas());
              assertThat(h.getSpec().getMaxReplicas()).isEqualTo(size.maxReplicas());
            });
    assertThat(Manifests.custom(objects, "VerticalPodAutoscaler"))
        .allSatisfy(
            v ->
                assertThat(Manifests.spec(v).get("updatePolicy"))
                    .isEqualTo(Map.of("updateMode", "Off")));
    assertThat(Manifests.custom(objects, "ScaledObject")).isEmpty();
    assertThat(policyConfigMaps(objects)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("predictive")
  void predictiveWritesAPolicyEntryPerWorkloadInsteadOfAnHpa(StrategyCombination c)
      throws Exception {
    List<HasMetadata> objects = StrategyRenders.of(c);
    SizeExpectation size = StrategyExpectations.size(c);

    List<ConfigMap> policies = policyConfigMaps(objects);

    assertThat(policies).singleElement();
    JsonNode parsed =
        new ObjectMapper(new YAMLFactory())
            .readTree(policies.get(0).getData().get("policies.yaml"));
    List<String> targets = new ArrayList<>();
    parsed
        .get("workloads")
        .forEach(
            w -> {
              targets.add(w.at("/target/name").asText());
              assertThat(w.at("/target/kind").asText()).isEqualTo("Deployment");
              assertThat(w.at("/target/namespace").asText()).isEqualTo(ChartRenderer.NAMESPACE);
              assertThat(w.at("/metric/prometheus").asText())
                  .contains(w.at("/target/name").asText());
              assertThat(w.get("minReplicas").asInt()).isEqualTo(size.minReplicas());
              assertThat(w.get("maxReplicas").asInt()).isEqualTo(size.maxReplicas());
            });
    assertThat(targets).containsExactlyInAnyOrderElementsOf(StrategyExpectations.deployments(c));
    assertThat(parsed.at("/defaults/mode").asText()).isEqualTo("scale");
    assertThat(Manifests.ofType(objects, HorizontalPodAutoscaler.class)).isEmpty();
    assertThat(Manifests.custom(objects, "ScaledObject")).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("eventDriven")
  void eventDrivenRendersAKedaScaledObjectPerWorkload(StrategyCombination c) {
    List<HasMetadata> objects = StrategyRenders.of(c);
    SizeExpectation size = StrategyExpectations.size(c);

    var scaledObjects = Manifests.custom(objects, "ScaledObject");

    assertThat(scaledObjects)
        .extracting(
            s -> String.valueOf(((Map<?, ?>) Manifests.spec(s).get("scaleTargetRef")).get("name")))
        .containsExactlyInAnyOrderElementsOf(StrategyExpectations.deployments(c));
    assertThat(scaledObjects)
        .allSatisfy(
            s -> {
              assertThat(s.getApiVersion()).isEqualTo("keda.sh/v1alpha1");
              assertThat(Manifests.spec(s))
                  .containsEntry("minReplicaCount", size.minReplicas())
                  .containsEntry("maxReplicaCount", size.maxReplicas());
            });
    assertThat(Manifests.ofType(objects, HorizontalPodAutoscaler.class)).isEmpty();
    assertThat(policyConfigMaps(objects)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("manual")
  void manualScalingFixesReplicasAndRendersNoAutoscaler(StrategyCombination c) {
    List<HasMetadata> objects = StrategyRenders.of(c);

    assertThat(applicationDeployments(objects))
        .allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isPositive());
    assertThat(Manifests.ofType(objects, HorizontalPodAutoscaler.class)).isEmpty();
    assertThat(Manifests.custom(objects, "ScaledObject")).isEmpty();
    assertThat(policyConfigMaps(objects)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("io.predictivescaler.deploy.StrategyRenders#cover")
  void leavesReplicasToTheAutoscalerWhenOneOwnsThem(StrategyCombination c) {
    List<Deployment> deployments = applicationDeployments(StrategyRenders.of(c));

    assertThat(deployments)
        .allSatisfy(
            d ->
                assertThat(d.getSpec().getReplicas() == null)
                    .isEqualTo(!c.scaling().equals("manual")));
  }

  private static List<ConfigMap> policyConfigMaps(List<HasMetadata> objects) {
    return Manifests.ofType(objects, ConfigMap.class).stream()
        .filter(
            cm -> "true".equals(cm.getMetadata().getLabels().get("predictive-scaler.io/policy")))
        .toList();
  }

  private static List<Deployment> applicationDeployments(List<HasMetadata> objects) {
    return Manifests.ofType(objects, Deployment.class).stream()
        .filter(d -> ChartRenderer.NAMESPACE.equals(d.getMetadata().getNamespace()))
        .toList();
  }
}
