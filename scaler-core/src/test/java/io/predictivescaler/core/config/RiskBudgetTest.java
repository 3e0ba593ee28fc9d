package io.predictivescaler.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RiskBudgetTest {

  private static final String WORKLOAD =
      """
        - target: {name: %s}
          metric: {prometheus: up}
          targetPerReplica: 1
          maxReplicas: 2
      """;

  @Test
  void defaultsToHpa() {
    ParseResult result = PolicyParser.parse("workloads:\n" + WORKLOAD.formatted("a"));

    RiskBudget risk = result.document().orElseThrow().workloads().get(0).risk();

    assertThat(risk.isHpa()).isTrue();
    assertThat(risk).hasToString("hpa");
    assertThatIllegalStateException().isThrownBy(risk::share);
  }

  @Test
  void readsPercentagesAsSharesOverDefaults() {
    String yaml =
        "defaults:\n  risk: 0.5%\nworkloads:\n"
            + WORKLOAD.formatted("a")
            + WORKLOAD.formatted("b")
            + "    risk: \"0.1%\"\n"
            + WORKLOAD.formatted("c")
            + "    risk: hpa\n";

    List<WorkloadPolicy> workloads = PolicyParser.parse(yaml).document().orElseThrow().workloads();

    assertThat(workloads.get(0).risk().share()).isCloseTo(0.005, within(1e-12));
    assertThat(workloads.get(1).risk().share()).isCloseTo(0.001, within(1e-12));
    assertThat(workloads.get(1).risk()).hasToString("0.1%");
    assertThat(workloads.get(2).risk().isHpa()).isTrue();
  }

  @Test
  void sharesOutsideTheBoundsAreProgrammingErrors() {
    assertThatIllegalArgumentException().isThrownBy(() -> RiskBudget.share(0));
    assertThatIllegalArgumentException().isThrownBy(() -> RiskBudget.share(0.51));
    assertThat(RiskBudget.share(0.5).share()).isEqualTo(0.5);
  }
}
