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

  /**
   * A predictive policy in scale mode: metric {@code <name>_load} sized at {@code
   * targetPerReplica}, the HPA's reactive target at 80 % of it, 90 s pods, ticks every {@code
   * step}.
   */
  static WorkloadPolicy predictive(
      String name, double targetPerReplica, int maxReplicas, Duration step) {
    WorkloadPolicy plain = policy(name, ScalingMode.SCALE, targetPerReplica, maxReplicas);
    WorkloadPolicy base =
        new WorkloadPolicy(
            plain.target(),
            new PrometheusMetric(name + "_load", targetPerReplica, 0.8 * targetPerReplica),
            plain.maxReplicas(),
            plain.settings());
    return with(base, ScalingMode.SCALE, step, LeadTime.fixed(Duration.ofSeconds(90)));
  }

  static WorkloadPolicy with(WorkloadPolicy p, ScalingMode mode, Duration step, LeadTime lead) {
    return p.withSettings(
        p.settings()
            .with(PolicyFields.STEP, step)
            .withLeadTime(lead)
            .with(PolicyFields.MODE, mode));
  }
}
