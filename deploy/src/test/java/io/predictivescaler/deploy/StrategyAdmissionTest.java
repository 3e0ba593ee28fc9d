package io.predictivescaler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the generation and product charts render is admitted by the policy chart's CEL. */
class StrategyAdmissionTest {

  @ParameterizedTest
  @MethodSource("io.predictivescaler.deploy.StrategyRenders#cover")
  void strategyWorkloadsPassEveryAdmissionPolicy(StrategyCombination c) {
    assertThat(violations(StrategyRenders.of(c))).isEmpty();
  }

  @Test
  void scalerPassesEveryAdmissionPolicy() {
    assertThat(violations(ChartRenderer.renderObjects(ChartRenderer.SCALER, Map.of()))).isEmpty();
  }

  private static List<String> violations(List<HasMetadata> objects) {
    List<HasMetadata> workloads =
        objects.stream().filter(o -> Workload.of(List.of(o)).size() == 1).toList();
    assertThat(workloads).isNotEmpty();
    return workloads.stream()
        .flatMap(
            o ->
                AdmissionPolicies.violations(AdmissionPolicyEvaluator.asCelValue(o)).stream()
                    .map(v -> o.getKind() + "/" + o.getMetadata().getName() + " " + v))
        .toList();
  }
}
