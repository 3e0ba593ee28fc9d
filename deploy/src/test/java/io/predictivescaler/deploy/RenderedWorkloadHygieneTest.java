package io.predictivescaler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every container the charts render has requests and limits, probes (long-running kinds), a
 * non-root restricted security context and a pinned image.
 */
class RenderedWorkloadHygieneTest {

  @ParameterizedTest
  @MethodSource("io.predictivescaler.deploy.StrategyRenders#cover")
  void strategyWorkloadsFollowTheBestPractices(StrategyCombination c) {
    List<Workload> workloads = Workload.of(StrategyRenders.of(c));

    assertThat(workloads).hasSizeGreaterThanOrEqualTo(2);
    assertThat(workloads).flatMap(ContainerHygiene::findings).isEmpty();
  }

  @Test
  void scalerWorkloadFollowsTheBestPractices() {
    List<Workload> workloads =
        Workload.of(ChartRenderer.renderObjects(ChartRenderer.SCALER, Map.of()));

    assertThat(workloads).hasSize(1);
    assertThat(workloads).flatMap(ContainerHygiene::findings).isEmpty();
  }

  @Test
  void findsAContainerThatBreaksThePractices() {
    var workloads = Workload.of(ChartRenderer.renderObjects(ChartRenderer.SCALER, Map.of()));
    var container = workloads.get(0).podSpec().getContainers().get(0);
    container.setImage("ghcr.io/predictive-scaler/predictive-scaler:latest");
    container.getSecurityContext().setReadOnlyRootFilesystem(false);
    container.setReadinessProbe(null);
    container.getResources().getLimits().clear();

    assertThat(ContainerHygiene.findings(workloads.get(0))).hasSize(4);
  }
}
