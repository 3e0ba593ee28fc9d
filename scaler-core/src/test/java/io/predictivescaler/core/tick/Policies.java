package io.predictivescaler.core.tick;

import io.predictivescaler.core.config.LeadTime;
import io.predictivescaler.core.config.PolicyFields;
import io.predictivescaler.core.config.PolicySettings;
import io.predictivescaler.core.config.PrometheusMetric;
import io.predictivescaler.core.config.ScalingMode;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadPolicy;
import java.time.Duration;

/** Workload policies for tick tests. */
final class Policies {

  private Policies() {}

  static WorkloadPolicy policy(String name, ScalingMode mode, double targetPerReplica, int max) {
    WorkloadPolicy p =
        WorkloadPolicy.of(
            TargetRef.deployment("shop", name),
            new PrometheusMetric(
                "sum(rate(http_requests_total{app=\"" + name + "\"}[1m]))", targetPerReplica),
            max,
            PolicySettings.BUILT_IN);
    return with(p, mode, p.step(), p.leadTime());
  }

  static WorkloadPolicy with(WorkloadPolicy p, ScalingMode mode, Duration step, LeadTime lead) {
    return p.withSettings(
        p.settings()
            .with(PolicyFields.STEP, step)
            .withLeadTime(lead)
            .with(PolicyFields.MODE, mode));
  }
}
