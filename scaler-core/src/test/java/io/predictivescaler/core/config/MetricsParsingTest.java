package io.predictivescaler.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code metrics:}, a list of metrics with their own targets, next to the single {@code metric:};
 * what is rejected, message by message, is in {@code metrics.bad.yaml}.
 */
class MetricsParsingTest {

  @Test
  void aListKeepsItsMetricsInOrderEachWithItsTargets() {
    WorkloadPolicy policy =
        only(
            """
            workloads:
              - target: {name: orders}
                metrics:
                  - prometheus: sum(rate(http_requests_total[1m]))
                    targetPerReplica: 120
                    reactiveTargetPerReplica: 100
                  - prometheus: sum(queue_depth)
                    targetPerReplica: 30
                maxReplicas: 20
            """);

    assertThat(policy.metrics())
        .containsExactly(
            new PrometheusMetric("sum(rate(http_requests_total[1m]))", 120, 100),
            new PrometheusMetric("sum(queue_depth)", 30));
  }

  @Test
  void prometheusAndResourceMetricsMix() {
    WorkloadPolicy policy =
        only(
            """
            workloads:
              - target: {kind: StatefulSet, name: orders}
                metrics:
                  - {resource: memory, targetUtilization: 80}
                  - {prometheus: 'sum(queue_depth)', targetPerReplica: 30}
                  - {resource: cpu, targetUtilization: 70}
                maxReplicas: 20
            """);

    assertThat(policy.metrics())
        .containsExactly(
            new ResourceMetric(ResourceName.MEMORY, 80),
            new PrometheusMetric("sum(queue_depth)", 30),
            new ResourceMetric(ResourceName.CPU, 70));
  }

  @Test
  void theSingleMetricIsAListOfOne() {
    WorkloadPolicy policy =
        only(
            """
            workloads:
              - target: {name: orders}
                metric: {resource: cpu}
                targetUtilization: 70
                maxReplicas: 20
            """);

    assertThat(policy.metrics()).containsExactly(new ResourceMetric(ResourceName.CPU, 70));
  }

  @Test
  void metricAndMetricsTogetherAreOneErrorNamingTheField() {
    ParseResult result =
        PolicyParser.parse(
            """
            workloads:
              - target: {name: orders}
                metric: {resource: cpu}
                metrics: [{resource: cpu, targetUtilization: 70}]
                maxReplicas: 20
            """);

    assertThat(result.messages())
        .containsExactly(
            "workloads[0].metrics: not together with metric; move metric and its targets into the"
                + " list");
  }

  @Test
  void anEmptyListIsRejected() {
    ParseResult result =
        PolicyParser.parse(
            "workloads:\n  - target: {name: orders}\n    metrics: []\n    maxReplicas: 20\n");

    assertThat(result.messages())
        .containsExactly("workloads[0].metrics: must not be empty: list one metric or more");
  }

  @Test
  void tenMetricsAreAcceptedAndElevenRejected() {
    assertThat(PolicyParser.parse(withMetrics(PolicyLimits.MAX_METRICS)).isValid()).isTrue();

    ParseResult eleven = PolicyParser.parse(withMetrics(PolicyLimits.MAX_METRICS + 1));

    assertThat(eleven.messages())
        .singleElement()
        .asString()
        .startsWith("workloads[0].metrics: at most 10 metrics per workload")
        .endsWith("got 11");
  }

  @Test
  void aQueryOfAListThatCannotBeConfinedIsReportedAtItsEntry() {
    WorkloadPolicy policy =
        only(
            """
            workloads:
              - target: {name: orders}
                metrics:
                  - {resource: cpu, targetUtilization: 70}
                  - {prometheus: 'sum(x{namespace="payments"})', targetPerReplica: 1}
                maxReplicas: 20
            """);

    List<ConfigError> errors =
        PromQlConfinement.check(new ConfigMapRef("shop", "policies"), List.of(policy), Set.of());

    assertThat(errors)
        .extracting(ConfigError::path)
        .containsExactly("workloads[0].metrics[1].prometheus");
  }

  private static String withMetrics(int n) {
    StringBuilder yaml =
        new StringBuilder("workloads:\n  - target: {name: orders}\n    maxReplicas: 20\n");
    yaml.append("    metrics:\n");
    for (int i = 0; i < n; i++) {
      yaml.append("      - {prometheus: 'sum(m").append(i).append(")', targetPerReplica: 1}\n");
    }
    return yaml.toString();
  }

  private static WorkloadPolicy only(String yaml) {
    ParseResult result = PolicyParser.parse(yaml, "shop");
    assertThat(result.messages()).isEmpty();
    return result.document().orElseThrow().workloads().get(0);
  }
}
