package io.predictivescaler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A workload's namespace survives the scrape (no exported_namespace), and the dashboard and alerts
 * select on it the way Grafana and Prometheus users expect.
 */
class ScalerMonitoringTest {

  private static final Pattern FIXED_RANGE = Pattern.compile("\\[[0-9]+[smhdw]\\]");
  private static List<HasMetadata> objects;
  private static JsonNode dashboard;

  @BeforeAll
  static void render() throws Exception {
    objects =
        ChartRenderer.renderObjects(
            ChartRenderer.SCALER,
            Map.of("serviceMonitor.enabled", true, "prometheusRule.enabled", true));
    ConfigMap map = Manifests.named(objects, ConfigMap.class, ScalerPods.FULLNAME + "-dashboard");
    dashboard = new ObjectMapper().readTree(map.getData().get("predictive-scaler.json"));
  }

  @Test
  void theServiceMonitorHonoursTheWorkloadsNamespaceLabel() {
    Map<String, Object> spec = Manifests.spec(Manifests.custom(objects, "ServiceMonitor").get(0));

    assertThat(endpoints(spec))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e).containsEntry("port", "http").containsEntry("path", "/metrics");
              assertThat(e).containsEntry("honorLabels", true);
            });
  }

  @Test
  void theDashboardHasNamespaceThenWorkloadVariables() {
    JsonNode variables = dashboard.at("/templating/list");
    List<String> names = new ArrayList<>();
    variables.forEach(v -> names.add(v.get("name").asText()));

    assertThat(names).containsSubsequence("namespace", "workload");
    JsonNode namespace = variable("namespace");
    JsonNode workload = variable("workload");
    assertThat(namespace.get("type").asText()).isEqualTo("query");
    assertThat(namespace.get("query").asText()).contains("namespace)");
    assertThat(workload.get("query").asText())
        .contains("namespace=~\"$namespace\"")
        .contains("workload)");
    assertThat(workload.get("multi").asBoolean()).isTrue();
    assertThat(workload.get("includeAll").asBoolean()).isTrue();
  }

  @Test
  void everyWorkloadPanelQuerySelectsTheChosenNamespacesAndWorkloads() {
    assertThat(expressions(workloadPanels()))
        .isNotEmpty()
        .allSatisfy(
            expr ->
                assertThat(expr)
                    .contains("namespace=~\"$namespace\"")
                    .contains("workload=~\"$workload\""));
  }

  @Test
  void theServiceRowShowsTickDurationLeaderAndRejectedConfigMapsUnfilteredByWorkload() {
    List<String> service = expressions(servicePanels());

    assertThat(service)
        .anyMatch(
            e ->
                e.startsWith("histogram_quantile(0.99, sum by (le, pod) (rate(")
                    && e.contains(
                        "predictive_scaler_tick_duration_seconds_bucket[$__rate_interval]"))
        .anyMatch(e -> e.contains("predictive_scaler_leader"))
        .anyMatch(
            e ->
                e.contains("by (namespace, configmap)")
                    && e.contains("predictive_scaler_config_rejected_total"))
        .noneMatch(e -> e.contains("$workload"));
  }

  @Test
  void aWorkloadPanelShowsTheChosenLevelNextToItsBandsCoverage() {
    assertThat(workloadPanels())
        .anySatisfy(
            panel ->
                assertThat(expressions(List.of(panel)))
                    .anyMatch(e -> e.startsWith("predictive_scaler_forecast_level{"))
                    .anyMatch(e -> e.startsWith("predictive_scaler_forecast_band_coverage{")));
  }

  @Test
  void theConfigRejectedAlertNamesTheConfigMap() {
    Map<String, Object> spec = Manifests.spec(Manifests.custom(objects, "PrometheusRule").get(0));

    assertThat(alertExpressions(spec))
        .filteredOn(e -> e.contains("predictive_scaler_config_rejected_total"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e)
                    .contains("sum by (namespace, configmap) (increase(")
                    .contains(" unless predictive_scaler_config_rejected_total{"));
  }

  @Test
  void ratesUseTheRateIntervalInsteadOfAFixedWindow() {
    List<String> expressions = expressions();

    assertThat(expressions).anyMatch(e -> e.contains("rate("));
    assertThat(expressions)
        .filteredOn(e -> e.contains("rate(") || e.contains("increase("))
        .allSatisfy(e -> assertThat(e).contains("[$__rate_interval]"));
    assertThat(expressions).noneMatch(e -> FIXED_RANGE.matcher(e).find());
  }

  @Test
  void workloadAlertsSelectTheScalerByJobNotByTheRelabelledNamespace() {
    Map<String, Object> spec = Manifests.spec(Manifests.custom(objects, "PrometheusRule").get(0));

    List<String> exprs = alertExpressions(spec);
    assertThat(exprs).hasSize(4);
    assertThat(exprs)
        .filteredOn(e -> e.contains("predictive_scaler_"))
        .hasSize(3)
        .allSatisfy(
            e ->
                assertThat(e)
                    .contains("job=\"" + ScalerPods.FULLNAME + "\"")
                    .doesNotContain("namespace=\"" + ChartRenderer.NAMESPACE + "\""));
  }

  private static JsonNode variable(String name) {
    for (JsonNode v : dashboard.at("/templating/list")) {
      if (v.get("name").asText().equals(name)) {
        return v;
      }
    }
    throw new AssertionError("no dashboard variable " + name);
  }

  private static List<String> expressions() {
    List<JsonNode> all = new ArrayList<>();
    dashboard.get("panels").forEach(all::add);
    return expressions(all);
  }

  private static List<String> expressions(List<JsonNode> panels) {
    List<String> result = new ArrayList<>();
    panels.forEach(p -> p.path("targets").forEach(t -> result.add(t.get("expr").asText())));
    return result;
  }

  /** The panels above the first row: the per-workload ones. */
  private static List<JsonNode> workloadPanels() {
    List<JsonNode> result = new ArrayList<>();
    for (JsonNode panel : dashboard.get("panels")) {
      if (panel.get("type").asText().equals("row")) {
        break;
      }
      result.add(panel);
    }
    return result;
  }

  /** The panels below the row titled {@code Service...}. */
  private static List<JsonNode> servicePanels() {
    List<JsonNode> result = new ArrayList<>();
    boolean inService = false;
    for (JsonNode panel : dashboard.get("panels")) {
      if (panel.get("type").asText().equals("row")) {
        inService = panel.get("title").asText().startsWith("Service");
      } else if (inService) {
        result.add(panel);
      }
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> endpoints(Map<String, Object> spec) {
    return (List<Map<String, Object>>) spec.get("endpoints");
  }

  @SuppressWarnings("unchecked")
  private static List<String> alertExpressions(Map<String, Object> spec) {
    return ((List<Map<String, Object>>) spec.get("groups"))
        .stream()
            .flatMap(g -> ((List<Map<String, Object>>) g.get("rules")).stream())
            .map(r -> String.valueOf(r.get("expr")))
            .toList();
  }
}
