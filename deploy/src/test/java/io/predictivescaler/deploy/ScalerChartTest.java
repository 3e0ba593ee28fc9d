package io.predictivescaler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScalerChartTest {

  private static final String FULLNAME = "demo-predictive-scaler";
  private static List<HasMetadata> objects;
  private static Container container;

  @BeforeAll
  static void render() {
    objects = ChartRenderer.renderObjects(ChartRenderer.SCALER, Map.of());
    container =
        Manifests.named(objects, Deployment.class, FULLNAME)
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);
  }

  @Test
  void runsTwoReplicasForLeaderElection() {
    Deployment deployment = Manifests.named(objects, Deployment.class, FULLNAME);

    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    assertThat(env()).containsKeys("POD_NAME", "PREDICTIVE_SCALER_LEASE_NAME");
    assertThat(env().get("POD_NAME").getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("metadata.name");
    assertThat(
            env()
                .get("PREDICTIVE_SCALER_LEASE_NAMESPACE")
                .getValueFrom()
                .getFieldRef()
                .getFieldPath())
        .isEqualTo("metadata.namespace");
  }

  @Test
  void passesTheServiceContractEnvironment() {
    assertThat(env().get("PREDICTIVE_SCALER_PROMETHEUS_URL").getValue()).startsWith("http://");
    assertThat(env().get("PREDICTIVE_SCALER_NAMESPACES").getValue()).isEmpty();
    assertThat(env().get("PREDICTIVE_SCALER_HTTP_PORT").getValue()).isEqualTo("8080");
    assertThat(env().get("PREDICTIVE_SCALER_LOG_FORMAT").getValue()).isEqualTo("json");
    assertThat(env()).doesNotContainKey("PREDICTIVE_SCALER_PROMETHEUS_BEARER_TOKEN_FILE");
  }

  @Test
  void servesProbesAndMetricsOnTheNamedHttpPort() {
    assertThat(container.getPorts())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getName()).isEqualTo("http");
              assertThat(p.getContainerPort()).isEqualTo(8080);
            });
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(container.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
    Service service = Manifests.named(objects, Service.class, FULLNAME);
    assertThat(service.getSpec().getPorts())
        .singleElement()
        .satisfies(p -> assertThat(p.getTargetPort().getStrVal()).isEqualTo("http"));
  }

  @Test
  void runsRestrictedWithAWritableTmp() {
    var security = container.getSecurityContext();

    assertThat(security.getRunAsNonRoot()).isTrue();
    assertThat(security.getReadOnlyRootFilesystem()).isTrue();
    assertThat(security.getAllowPrivilegeEscalation()).isFalse();
    assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(container.getVolumeMounts()).anyMatch(m -> m.getMountPath().equals("/tmp"));
  }

  @Test
  void shipsADocumentedPolicyExampleWithDefaultsAndTwoWorkloads() throws Exception {
    ConfigMap policy = Manifests.named(objects, ConfigMap.class, FULLNAME + "-policy");

    assertThat(policy.getMetadata().getLabels())
        .containsEntry("predictive-scaler.io/policy", "true");
    String yaml = policy.getData().get("policies.yaml");
    assertThat(yaml).contains("#");
    JsonNode parsed = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    assertThat(parsed.get("defaults").get("mode").asText()).isIn("scale", "dry-run", "hpa-floor");
    assertThat(parsed.get("workloads")).hasSize(2);
    assertThat(parsed.get("workloads"))
        .allSatisfy(
            w -> {
              assertThat(w.at("/target/kind").asText()).isEqualTo("Deployment");
              // a metric: with its targets beside it, or each entry of metrics: with its own
              List<JsonNode> metrics = new ArrayList<>();
              w.path("metrics").forEach(metrics::add);
              if (metrics.isEmpty()) {
                metrics.add(w);
              }
              assertThat(metrics)
                  .allSatisfy(
                      m -> {
                        assertThat(
                                m.has("targetPerReplica")
                                    ? m.get("targetPerReplica").asDouble()
                                    : m.path("targetUtilization").asDouble())
                            .isPositive();
                        assertThat(m.has("targetPerReplica"))
                            .isEqualTo(
                                m.at("/metric/prometheus").isTextual()
                                    || m.path("prometheus").isTextual());
                      });
              assertThat(w.get("minReplicas").asInt())
                  .isLessThanOrEqualTo(w.get("maxReplicas").asInt());
            });
  }

  @Test
  void keepsOnePodThroughVoluntaryDisruptions() {
    PodDisruptionBudget pdb = Manifests.named(objects, PodDisruptionBudget.class, FULLNAME);

    assertThat(pdb.getApiVersion()).isEqualTo("policy/v1");
    assertThat(pdb.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
    assertThat(pdb.getSpec().getSelector().getMatchLabels())
        .isEqualTo(
            Manifests.named(objects, Deployment.class, FULLNAME)
                .getSpec()
                .getSelector()
                .getMatchLabels());
  }

  @Test
  void labelsEveryObjectTheKubernetesWay() {
    assertThat(objects)
        .allSatisfy(
            o ->
                assertThat(o.getMetadata().getLabels())
                    .containsEntry("app.kubernetes.io/name", "predictive-scaler")
                    .containsEntry("app.kubernetes.io/instance", "demo")
                    .containsEntry("app.kubernetes.io/managed-by", "Helm")
                    .containsKeys("app.kubernetes.io/version", "helm.sh/chart"));
  }

  @Test
  void rendersMonitoringObjectsOnlyWhenEnabled() {
    List<HasMetadata> monitored =
        ChartRenderer.renderObjects(
            ChartRenderer.SCALER,
            Map.of("serviceMonitor.enabled", true, "prometheusRule.enabled", true));

    assertThat(Manifests.custom(objects, "ServiceMonitor")).isEmpty();
    assertThat(Manifests.custom(monitored, "ServiceMonitor")).hasSize(1);
    var rule = Manifests.custom(monitored, "PrometheusRule");
    assertThat(rule)
        .singleElement()
        .satisfies(r -> assertThat(r.getApiVersion()).isEqualTo("monitoring.coreos.com/v1"));
    assertThat(alertNames(Manifests.spec(rule.get(0))))
        .containsExactlyInAnyOrder(
            "PredictiveScalerDown",
            "PredictiveScalerActuationFailing",
            "PredictiveScalerForecastUntrusted",
            "PredictiveScalerConfigRejected");
  }

  @Test
  void shipsAValidGrafanaDashboard() throws Exception {
    ConfigMap dashboard = Manifests.named(objects, ConfigMap.class, FULLNAME + "-dashboard");

    JsonNode json = new ObjectMapper().readTree(dashboard.getData().get("predictive-scaler.json"));
    assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
    assertThat(json.get("panels"))
        .extracting(p -> p.get("title").asText())
        .anyMatch(t -> t.contains("Forecast"))
        .anyMatch(t -> t.contains("reason"))
        .anyMatch(t -> t.contains("accuracy"));
  }

  private static Map<String, EnvVar> env() {
    return container.getEnv().stream()
        .collect(Collectors.toMap(EnvVar::getName, Function.identity()));
  }

  @SuppressWarnings("unchecked")
  private static List<String> alertNames(Map<String, Object> spec) {
    return ((List<Map<String, Object>>) spec.get("groups"))
        .stream()
            .flatMap(g -> ((List<Map<String, Object>>) g.get("rules")).stream())
            .map(r -> String.valueOf(r.get("alert")))
            .toList();
  }
}
