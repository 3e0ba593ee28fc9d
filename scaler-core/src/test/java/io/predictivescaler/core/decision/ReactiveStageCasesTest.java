package io.predictivescaler.core.decision;

import static io.predictivescaler.core.decision.TestInputs.PIPELINE;
import static io.predictivescaler.core.decision.TestInputs.cpu;
import static io.predictivescaler.core.decision.TestInputs.d;
import static io.predictivescaler.core.decision.TestInputs.input;
import static io.predictivescaler.core.decision.TestInputs.oneCore;
import static io.predictivescaler.core.decision.TestInputs.qps;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stage 1 against the HPA's replica calculator: each case is a test of kubernetes/kubernetes
 * pkg/controller/podautoscaler/replica_calculator_test.go (named) with the same pods, levels and
 * targets; the assertion is the reactive stage's output.
 */
class ReactiveStageCasesTest {

  private static final ScalingPolicy WIDE = ScalingPolicy.hpaDefaults(0, 1000);

  static Stream<Arguments> cases() {
    return Stream.of(
        c("TestReplicaCalcScaleUp", 3, cpu(30, oneCore(3), d(300, 500, 700)), 5),
        c(
            "TestReplicaCalcScaleUpUnreadyLessScale",
            3,
            cpu(30, oneCore(3), d(300, 500, 700), "URR"),
            4),
        c(
            "TestReplicaCalcScaleUpHotCpuLessScale",
            3,
            cpu(30, oneCore(3), d(300, 500, 700), "URR"),
            4),
        c(
            "TestReplicaCalcScaleUpUnreadyNoScale",
            3,
            cpu(30, oneCore(3), d(400, 500, 700), "RUU"),
            3),
        c(
            "TestReplicaCalcScaleUpIgnoresFailedPods",
            2,
            cpu(30, oneCore(4), d(500, 700), "RRXX"),
            4),
        c("TestReplicaCalcScaleUpCM", 3, qps(15000, d(20000, 10000, 30000), "RRR"), 4),
        c(
            "TestReplicaCalcScaleUpCMUnreadyHotCpuNoLessScale",
            3,
            qps(15000, d(50000, 10000, 30000), "RRU"),
            6),
        c(
            "TestReplicaCalcScaleUpCMUnreadyHotCpuScaleWouldScaleDown",
            3,
            qps(15000, d(50000, 15000, 30000), "URU"),
            7),
        c("TestReplicaCalcScaleUpCMObject (Value)", 3, TotalMetric.value("qps", 15000, 20000), 4),
        c(
            "TestReplicaCalcScaleUpCMPerPodObject (AverageValue)",
            3,
            TotalMetric.averageValue("qps", 5000, 20000),
            4),
        c("TestReplicaCalcScaleDown", 5, cpu(50, oneCore(5), d(100, 300, 500, 250, 250)), 3),
        c(
            "TestReplicaCalcScaleDownCM",
            5,
            qps(20000, d(12000, 12000, 12000, 12000, 12000), "RRRRR"),
            3),
        c(
            "TestReplicaCalcScaleDownPerPodCMObject",
            5,
            TotalMetric.averageValue("qps", 2000, 6000),
            3),
        c(
            "TestReplicaCalcScaleDownCMExternal (Value)",
            5,
            TotalMetric.value("qps", 14334, 8600),
            3),
        c(
            "TestReplicaCalcScaleDownPerPodCMExternal",
            5,
            TotalMetric.averageValue("qps", 2867, 8600),
            3),
        c(
            "TestReplicaCalcScaleDownIncludeUnreadyPods",
            5,
            cpu(50, oneCore(5), d(100, 300, 500, 250, 250), "RRRUU"),
            2),
        c(
            "TestReplicaCalcScaleDownExcludeUnscheduledPods",
            5,
            cpu(50, oneCore(5), d(100), "RPPPP"),
            1),
        c(
            "TestReplicaCalcScaleDownIgnoreHotCpuPods",
            5,
            cpu(50, oneCore(5), d(100, 300, 500, 250, 250), "RRRUU"),
            2),
        c(
            "TestReplicaCalcScaleDownIgnoresFailedPods",
            5,
            cpu(50, oneCore(7), d(100, 300, 500, 250, 250), "RRRRRXX"),
            3),
        c("TestReplicaCalcTolerance", 3, cpu(100, d(900, 1000, 1100), d(1010, 1030, 1020)), 3),
        c("TestReplicaCalcToleranceCM", 3, qps(20000, d(20000, 21000, 21000), "RRR"), 3),
        c("TestReplicaCalcToleranceCMObject", 3, TotalMetric.value("qps", 20000, 20666), 3),
        c(
            "TestReplicaCalcTolerancePerPodCMObject",
            4,
            TotalMetric.averageValue("qps", 5000, 20166),
            4),
        c("TestReplicaCalcToleranceCMExternal", 3, TotalMetric.value("qps", 8888, 8600), 3),
        c(
            "TestReplicaCalcTolerancePerPodCMExternal",
            3,
            TotalMetric.averageValue("qps", 2900, 8600),
            3),
        c(
            "TestReplicaCalcSuperfluousMetrics (extra samples dropped by the caller)",
            4,
            cpu(100, oneCore(4), d(4000, 9500, 3000, 7000)),
            24),
        c("TestReplicaCalcMissingMetrics", 4, cpu(100, oneCore(4), d(400, 95)), 3),
        c("TestReplicaCalcMissingMetricsNoChangeEq", 2, cpu(100, oneCore(2), d(1000)), 2),
        c("TestReplicaCalcMissingMetricsNoChangeGt", 2, cpu(100, oneCore(2), d(1900)), 2),
        c("TestReplicaCalcMissingMetricsNoChangeLt", 2, cpu(100, oneCore(2), d(600)), 2),
        c(
            "TestReplicaCalcMissingMetricsUnreadyChange",
            3,
            cpu(50, oneCore(3), d(100, 450), "URR"),
            3),
        c(
            "TestReplicaCalcMissingMetricsUnreadyScaleUp",
            3,
            cpu(50, oneCore(3), d(100, 2000), "URR"),
            4),
        c(
            "TestReplicaCalcMissingMetricsUnreadyScaleDown",
            4,
            cpu(50, oneCore(4), d(100, 100, 100), "URRR"),
            3),
        c("TestReplicaCalcDuringRollingUpdateWithMaxSurge", 2, cpu(50, oneCore(3), d(100, 100)), 2),
        c(
            "ours: missing pods fill at the target, above 100 %, on a scale-down (KEP: fallbackUtilization)",
            4, cpu(150, oneCore(4), d(100, 100)), 3));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reactiveRecommendationMatchesTheHpa(String source, DecisionInput input, int expected) {
    Decision decision = PIPELINE.decide(input);

    assertThat(decision.stage(StageTrace.REACTIVE))
        .hasValueSatisfying(stage -> assertThat(stage.out()).as(stage.rule()).isEqualTo(expected));
  }

  private static Arguments c(String source, int current, MetricInput metric, int expected) {
    return Arguments.of(source, input(current, WIDE, metric), expected);
  }
}
