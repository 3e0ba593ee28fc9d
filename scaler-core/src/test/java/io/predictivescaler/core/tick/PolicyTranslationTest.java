package io.predictivescaler.core.tick;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.core.config.ParseResult;
import io.predictivescaler.core.config.PolicyParser;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.decision.Fallback;
import io.predictivescaler.core.decision.ScalingPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PolicyTranslationTest {

  @Test
  void theDecisionPipelineGetsTheSchedulesAndTheFallback() {
    ParseResult parsed =
        PolicyParser.parse(
            """
            workloads:
              - target: {name: checkout}
                metric: {prometheus: 'sum(rate(http_requests_total[1m]))'}
                targetPerReplica: 120
                maxReplicas: 40
                schedules:
                  - {name: opening, start: "45 7 * * MON-FRI", end: "0 10 * * MON-FRI", minReplicas: 8}
                fallback: {replicas: 12, after: 5m}
            """);
    WorkloadPolicy policy = parsed.document().orElseThrow().workloads().get(0);

    ScalingPolicy scaling = PolicyTranslation.scalingPolicy(policy);

    assertThat(scaling.schedules()).isEqualTo(policy.schedules()).hasSize(1);
    assertThat(scaling.fallback()).contains(new Fallback(12, Duration.ofMinutes(5)));
  }
}
