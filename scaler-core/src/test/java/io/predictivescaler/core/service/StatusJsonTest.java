package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.core.config.PolicySettings;
import io.predictivescaler.core.config.PrometheusMetric;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadKind;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.decision.ReasonCode;
import io.predictivescaler.core.tick.TickOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusJsonTest {

  @Test
  void aPolicysTargetIsShownAsItsScaleTargetRef() {
    WorkloadPolicy policy =
        WorkloadPolicy.of(
            new TargetRef(new WorkloadKind("argoproj.io/v1alpha1", "Rollout"), "shop", "web"),
            new PrometheusMetric("sum(rate(http_requests_total[1m]))", 100),
            10,
            PolicySettings.BUILT_IN);

    assertThat(StatusJson.policy(policy).get("target"))
        .isEqualTo(
            Map.of(
                "apiVersion", "argoproj.io/v1alpha1",
                "kind", "Rollout",
                "namespace", "shop",
                "name", "web"));
  }

  @Test
  void aSkippedTickShowsItsReasonCodeAndMessage() {
    WorkloadPolicy policy =
        WorkloadPolicy.of(
            TargetRef.deployment("shop", "ghost"),
            new PrometheusMetric("sum(rate(http_requests_total[1m]))", 100),
            10,
            PolicySettings.BUILT_IN);
    TickOutcome skipped =
        new TickOutcome.Skipped(
            policy,
            Instant.parse("2026-03-02T00:00:00Z"),
            Duration.ofMinutes(2),
            ReasonCode.TARGET_NOT_FOUND,
            "shop/ghost does not exist");

    Map<String, Object> json = StatusJson.decision(skipped);

    assertThat(json)
        .containsEntry("reason", "TargetNotFound")
        .containsEntry("skipped", "TargetNotFound: shop/ghost does not exist")
        .doesNotContainKey("trace");
  }
}
