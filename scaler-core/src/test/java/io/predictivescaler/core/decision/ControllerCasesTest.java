package io.predictivescaler.core.decision;

import static io.predictivescaler.core.decision.TestInputs.PIPELINE;
import static io.predictivescaler.core.decision.TestInputs.cpu;
import static io.predictivescaler.core.decision.TestInputs.d;
import static io.predictivescaler.core.decision.TestInputs.input;
import static io.predictivescaler.core.decision.TestInputs.oneCore;
import static io.predictivescaler.core.decision.TestInputs.qps;
import static io.predictivescaler.core.decision.TestInputs.rules;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole-controller cases: each is a test of kubernetes/kubernetes
 * pkg/controller/podautoscaler/horizontal_test.go (named) or a branch of horizontal.go, and asserts
 * the final replicas and the reason (the HPA's condition reason where it has one).
 */
class ControllerCasesTest {

  static Stream<Arguments> cases() {
    ScalingPolicy p26 = ScalingPolicy.hpaDefaults(2, 6);
    ScalingPolicy p15 = ScalingPolicy.hpaDefaults(1, 5);
    ScalingPolicy upscaleCap =
        ScalingPolicy.hpaDefaults(1, 100)
            .withBehavior(new Behavior(rules(0, 0, 700, 60, 0), HpaDefaults.scaleDownRules()));
    ScalingPolicy upscaleCapMax20 =
        new ScalingPolicy(1, 20, upscaleCap.tolerance(), upscaleCap.behavior(), upscaleCap.burst());
    return Stream.of(
        c(
            "horizontal_test.go TestScaleUpRCImmediately",
            input(1, p26, cpu(30, oneCore(4), d(0, 0, 0, 0))),
            2,
            ReasonCode.TOO_FEW_REPLICAS),
        c(
            "horizontal_test.go TestScaleDownRCImmediately",
            input(
                6,
                ScalingPolicy.hpaDefaults(2, 5),
                cpu(50, d(900, 1000, 1100), d(8000, 9500, 1000))),
            5,
            ReasonCode.TOO_MANY_REPLICAS),
        c(
            "horizontal_test.go TestEventCreated",
            input(1, p15, cpu(50, d(200), d(200))),
            2,
            ReasonCode.DESIRED_WITHIN_RANGE),
        c(
            "horizontal_test.go TestEventNotCreated",
            input(2, p15, cpu(50, d(400, 400), d(200, 200))),
            2,
            ReasonCode.WITHIN_TOLERANCE),
        c(
            "horizontal_test.go TestMissingReports (one pod listed)",
            input(4, p15, cpu(50, d(200), d(200))),
            2,
            ReasonCode.DESIRED_WITHIN_RANGE),
        c(
            "horizontal_test.go TestScaleDown",
            input(5, p26, cpu(50, oneCore(5), d(100, 300, 500, 250, 250))),
            3,
            ReasonCode.DESIRED_WITHIN_RANGE),
        c(
            "horizontal_test.go TestScaleDownStabilizeInitialSize (state never seen before)",
            input(5, p26, DecisionState.initial(), cpu(50, oneCore(5), d(100, 300, 500, 250, 250))),
            5,
            ReasonCode.SCALE_DOWN_STABILIZED),
        c(
            "horizontal_test.go TestScaleDownCM",
            input(5, p26, qps(20000, d(12000, 12000, 12000, 12000, 12000), "RRRRR")),
            3,
            ReasonCode.DESIRED_WITHIN_RANGE),
        c(
            "horizontal_test.go TestScaleDownToZeroCMObject (minReplicas 0)",
            input(5, ScalingPolicy.hpaDefaults(0, 6), TotalMetric.value("qps", 20000, 0)),
            0,
            ReasonCode.DESIRED_WITHIN_RANGE),
        c(
            "horizontal_test.go TestTolerance",
            input(3, p15, cpu(100, d(900, 1000, 1100), d(1010, 1030, 1020))),
            3,
            ReasonCode.WITHIN_TOLERANCE),
        c(
            "horizontal_test.go TestToleranceCMExternal",
            input(4, p26, TotalMetric.value("qps", 8666, 8600)),
            4,
            ReasonCode.WITHIN_TOLERANCE),
        c(
            "horizontal_test.go TestTolerancePerPodCMExternal",
            input(4, p26, TotalMetric.averageValue("qps", 2200, 8600)),
            4,
            ReasonCode.WITHIN_TOLERANCE),
        c(
            "horizontal_test.go TestMinReplicas",
            input(3, ScalingPolicy.hpaDefaults(2, 5), cpu(90, d(900, 1000, 1100), d(10, 95, 10))),
            2,
            ReasonCode.TOO_FEW_REPLICAS),
        c(
            "horizontal_test.go TestZeroMinReplicasDesiredZero",
            input(3, ScalingPolicy.hpaDefaults(0, 5), cpu(90, d(900, 1000, 1100), d(0, 0, 0))),
            0,
            ReasonCode.DESIRED_WITHIN_RANGE),
        c(
            "horizontal_test.go TestMinReplicasDesiredZero",
            input(3, ScalingPolicy.hpaDefaults(2, 5), cpu(90, d(900, 1000, 1100), d(0, 0, 0))),
            2,
            ReasonCode.TOO_FEW_REPLICAS),
        c(
            "horizontal_test.go TestUpscaleCap",
            input(3, upscaleCap, cpu(10, d(100, 100, 100), d(100, 200, 300))),
            24,
            ReasonCode.SCALE_UP_LIMIT),
        c(
            "horizontal_test.go TestUpscaleCapGreaterThanMaxReplicas",
            input(3, upscaleCapMax20, cpu(10, d(100, 100, 100), d(100, 200, 300))),
            20,
            ReasonCode.TOO_MANY_REPLICAS),
        c(
            "horizontal_test.go TestMoreReplicasThanSpecNoScale (5 pods for spec 4)",
            input(
                4,
                ScalingPolicy.hpaDefaults(1, 8),
                cpu(50, oneCore(5), d(500, 500, 500, 500, 500))),
            4,
            ReasonCode.WITHIN_TOLERANCE),
        c(
            "horizontal_test.go TestScaleUpOneMetricInvalid",
            input(
                3,
                p26,
                cpu(30, oneCore(3), d(300, 400, 500)),
                new UnavailableMetric("cheddar", "invalid metric source type")),
            4,
            ReasonCode.DESIRED_WITHIN_RANGE),
        c(
            "horizontal_test.go TestNoScaleDownOneMetricInvalid",
            input(
                5,
                p26,
                cpu(50, oneCore(5), d(100, 300, 500, 250, 250)),
                new UnavailableMetric("cheddar", "invalid metric source type")),
            5,
            ReasonCode.METRICS_UNAVAILABLE),
        c(
            "horizontal_test.go TestScaleUpBothMetricsEmpty",
            input(3, p26, new UnavailableMetric("cheddar", "invalid metric source type")),
            3,
            ReasonCode.METRICS_UNAVAILABLE),
        c(
            "replica_calculator_test.go TestReplicaCalcEmptyMetrics (no metric for any pod)",
            input(4, p26, cpu(100, oneCore(3), d())),
            4,
            ReasonCode.METRICS_UNAVAILABLE),
        c(
            "horizontal.go computeReplicasForMetrics: no metrics configured",
            input(4, p26),
            4,
            ReasonCode.METRICS_UNAVAILABLE),
        c(
            "horizontal.go reconcileAutoscaler: scale.Spec.Replicas == 0 disables scaling",
            input(0, p26, TotalMetric.value("qps", 10, 1000)),
            0,
            ReasonCode.SCALING_DISABLED),
        c(
            "horizontal.go computeReplicasForMetrics: the highest metric wins",
            input(
                3,
                ScalingPolicy.hpaDefaults(1, 20),
                cpu(30, oneCore(3), d(300, 500, 700)),
                TotalMetric.averageValue("rps", 100, 700)),
            7,
            ReasonCode.DESIRED_WITHIN_RANGE),
        c(
            "ours: a NaN total makes that metric invalid, not the pipeline throw",
            input(3, p26, TotalMetric.averageValue("rps", 100, Double.NaN)),
            3,
            ReasonCode.METRICS_UNAVAILABLE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decidesLikeTheHpaController(
      String source, DecisionInput input, int expectedReplicas, ReasonCode expectedReason) {
    Decision decision = PIPELINE.decide(input);

    assertThat(decision.replicas()).as(decision.explanation()).isEqualTo(expectedReplicas);
    assertThat(decision.reason()).as(decision.explanation()).isEqualTo(expectedReason);
  }

  private static Arguments c(String source, DecisionInput input, int replicas, ReasonCode reason) {
    return Arguments.of(source, input, replicas, reason);
  }
}
