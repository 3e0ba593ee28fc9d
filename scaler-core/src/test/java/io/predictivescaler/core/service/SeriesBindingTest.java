package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.collector.source.PromQlQuery;
import io.predictivescaler.collector.source.ResourceQuery;
import io.predictivescaler.collector.verticle.SeriesSpec;
import io.predictivescaler.core.config.ConfigMapRef;
import io.predictivescaler.core.config.PolicyParser;
import io.predictivescaler.core.config.WorkloadPolicy;
import org.junit.jupiter.api.Test;

class SeriesBindingTest {

  private static final ConfigMapRef PLATFORM = new ConfigMapRef("ops", "platform");

  @Test
  void tagsAPrometheusSeriesWithTheNamespaceOfItsConfigMapNotOfItsTarget() {
    WorkloadPolicy policy =
        policy("metric: {prometheus: 'sum(rate(x[1m]))'}\n    targetPerReplica: 10");

    SeriesSpec spec = SeriesBinding.specs(policy, PLATFORM).get(0);

    assertThat(spec.id()).isEqualTo("shop/checkout");
    assertThat(spec.query()).isEqualTo(PromQlQuery.inNamespace("sum(rate(x[1m]))", "ops"));
  }

  @Test
  void aResourceSeriesReadsTheTargetsOwnPods() {
    WorkloadPolicy policy = policy("metric: {resource: cpu}\n    targetUtilization: 80");

    SeriesSpec spec = SeriesBinding.specs(policy, PLATFORM).get(0);

    assertThat(spec.query())
        .isInstanceOfSatisfying(
            ResourceQuery.class, q -> assertThat(q.namespace()).isEqualTo("shop"));
  }

  private static WorkloadPolicy policy(String metric) {
    String yaml =
        """
        workloads:
          - target: {namespace: shop, name: checkout}
            %s
            maxReplicas: 4
        """
            .formatted(metric);
    return PolicyParser.parse(yaml, "ops").document().orElseThrow().workloads().get(0);
  }
}
