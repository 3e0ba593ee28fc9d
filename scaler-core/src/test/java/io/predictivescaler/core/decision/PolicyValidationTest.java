package io.predictivescaler.core.decision;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Programming errors are rejected with a message naming the field and the value (ours). */
class PolicyValidationTest {

  static Stream<Arguments> invalid() {
    return Stream.of(
        bad("minReplicas must be >= 0, got -1", () -> ScalingPolicy.hpaDefaults(-1, 3)),
        bad("maxReplicas must be >= 1, got 0", () -> ScalingPolicy.hpaDefaults(0, 0)),
        bad("maxReplicas must be >= minReplicas 5, got 3", () -> ScalingPolicy.hpaDefaults(5, 3)),
        bad("up tolerance must be in [0, 1), got -0.1", () -> new Tolerance(-0.1, 0.1)),
        bad("down tolerance must be in [0, 1), got NaN", () -> new Tolerance(0.1, Double.NaN)),
        bad("value must be > 0, got 0", () -> RatePolicy.pods(0, Duration.ofSeconds(15))),
        bad(
            "period must be in (0s, 30m], got PT31M",
            () -> RatePolicy.percent(10, Duration.ofMinutes(31))),
        bad(
            "stabilizationWindow must be in [0s, 1h], got PT-1S",
            () -> HpaDefaults.scaleUpRules().withStabilizationWindow(Duration.ofSeconds(-1))),
        bad(
            "policies must not be empty unless selectPolicy is DISABLED, got selectPolicy MAX",
            () -> new ScalingRules(Duration.ZERO, SelectPolicy.MAX, List.of())),
        bad("burst factor must be a finite number >= 1, got 0.5", () -> Burst.enabled(0.5)),
        bad(
            "target value must be a finite number > 0, got 0.0 for UTILIZATION",
            () -> MetricTarget.utilization(0)),
        bad(
            "target of total metric rps must be VALUE or AVERAGE_VALUE, got UTILIZATION",
            () -> new TotalMetric("rps", MetricTarget.utilization(80), 10)),
        bad(
            "target of pod metric cpu must be UTILIZATION or AVERAGE_VALUE, got VALUE",
            () -> new PodMetric("cpu", MetricTarget.value(1), 1, 1, 1, 0, 0, 0, 0)),
        bad(
            "missingPods must be >= 0, got -2",
            () -> new PodMetric("cpu", MetricTarget.utilization(50), 1, 1, 1, 0, 0, -2, 0)),
        bad(
            "currentReplicas must be >= 0, got -1",
            () -> TestInputs.input(-1, ScalingPolicy.hpaDefaults(1, 2))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejectsWithAMessageNamingTheField(String message, Executable construction) {
    assertThatThrownBy(construction::execute)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  private static Arguments bad(String message, Executable construction) {
    return Arguments.of(message, construction);
  }
}
