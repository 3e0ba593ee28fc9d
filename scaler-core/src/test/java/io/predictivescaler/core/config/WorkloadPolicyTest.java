package io.predictivescaler.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.predictivescaler.core.decision.Burst;
import io.predictivescaler.core.decision.RatePolicy;
import io.predictivescaler.core.decision.Tolerance;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The records hold their invariants even when built in code rather than parsed. */
class WorkloadPolicyTest {

  private static final TargetRef CHECKOUT = TargetRef.deployment("shop", "checkout");
  private static final MetricSpec METRIC = new PrometheusMetric("up", 10);

  @Test
  void takesEveryDefaultableFieldFromTheDefaults() {
    WorkloadPolicy policy = WorkloadPolicy.of(CHECKOUT, METRIC, 5, PolicySettings.BUILT_IN);

    assertThat(policy.step()).isEqualTo(PolicySettings.BUILT_IN.step());
    assertThat(policy.mode()).isEqualTo(ScalingMode.DRY_RUN);
    assertThat(policy.maxReplicas()).isEqualTo(5);
  }

  @Test
  void rejectsMaxBelowMin() {
    PolicySettings defaults = PolicySettings.BUILT_IN;

    assertThatIllegalArgumentException()
        .isThrownBy(() -> WorkloadPolicy.of(CHECKOUT, METRIC, 0, defaults))
        .withMessageContaining("maxReplicas 0 must be >= minReplicas 1");
  }

  @Test
  void rejectsStepThatDoesNotDivideTheWindow() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> withStep(Duration.ofSeconds(7)))
        .withMessageContaining("must divide window");
  }

  @Test
  void rejectsInvalidValueRecords() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Tolerance(1, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> new Burst(true, 0.5));
    assertThatIllegalArgumentException().isThrownBy(() -> LeadTime.fixed(Duration.ZERO));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RatePolicy.pods(1, Duration.ofMinutes(31)));
    assertThatIllegalArgumentException().isThrownBy(() -> new PrometheusMetric(" ", 1));
    assertThatIllegalArgumentException().isThrownBy(() -> TargetRef.deployment("Shop", "a"));
  }

  private static WorkloadPolicy withStep(Duration step) {
    return WorkloadPolicy.of(
        CHECKOUT, METRIC, 5, PolicySettings.BUILT_IN.with(PolicyFields.STEP, step));
  }
}
