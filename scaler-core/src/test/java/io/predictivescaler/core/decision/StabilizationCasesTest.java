package io.predictivescaler.core.decision;

import static io.predictivescaler.core.decision.TestInputs.PIPELINE;
import static io.predictivescaler.core.decision.TestInputs.desiring;
import static io.predictivescaler.core.decision.TestInputs.input;
import static io.predictivescaler.core.decision.TestInputs.rec;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stage 5 against horizontal_test.go {@code TestNormalizeDesiredReplicasWithBehavior} (case names
 * quoted). Rate policies are wide open so only stabilization acts.
 */
class StabilizationCasesTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        c(
            "simple scale down stabilization",
            List.of(rec(4, 120), rec(5, 60)),
            100,
            3,
            0,
            180,
            5,
            ReasonCode.SCALE_DOWN_STABILIZED),
        c(
            "simple scale up stabilization",
            List.of(rec(4, 120), rec(5, 60)),
            1,
            7,
            300,
            0,
            4,
            ReasonCode.SCALE_UP_STABILIZED),
        c(
            "no scale down stabilization",
            List.of(rec(1, 120), rec(2, 60)),
            100,
            3,
            300,
            0,
            3,
            ReasonCode.DESIRED_WITHIN_RANGE),
        c(
            "no scale up stabilization",
            List.of(rec(4, 120), rec(5, 60)),
            1,
            3,
            0,
            300,
            3,
            ReasonCode.DESIRED_WITHIN_RANGE),
        c(
            "no scale down stabilization, reuse recommendation element",
            List.of(rec(10, 600), rec(9, 540)),
            100,
            3,
            0,
            0,
            3,
            ReasonCode.DESIRED_WITHIN_RANGE),
        c(
            "no scale up stabilization, reuse recommendation element",
            List.of(rec(10, 600), rec(9, 540)),
            1,
            100,
            0,
            0,
            100,
            ReasonCode.DESIRED_WITHIN_RANGE),
        c(
            "scale down stabilization, reuse one of obsolete recommendation element",
            List.of(rec(10, 600), rec(4, 60), rec(5, 120), rec(9, 540)),
            100,
            3,
            0,
            180,
            5,
            ReasonCode.SCALE_DOWN_STABILIZED),
        c(
            "scale up stabilization, reuse one of obsolete recommendation element",
            List.of(rec(10, 6000), rec(6, 60), rec(5, 120), rec(9, 180)),
            1,
            100,
            300,
            0,
            5,
            ReasonCode.SCALE_UP_STABILIZED),
        c(
            "scale up and down stabilization, do not scale up when prenormalized rec goes down",
            List.of(rec(2, 6000), rec(3, 180)),
            2,
            1,
            300,
            300,
            2,
            ReasonCode.SCALE_DOWN_STABILIZED),
        c(
            "scale up and down stabilization, do not scale down when prenormalized rec goes up",
            List.of(rec(2, 6000), rec(1, 180)),
            2,
            3,
            300,
            300,
            2,
            ReasonCode.SCALE_UP_STABILIZED),
        c(
            "TestNormalizeDesiredReplicas: stabilize - old recommendations (legacy 5 min window)",
            List.of(rec(10, 600), rec(4, 60), rec(5, 120), rec(9, 540)),
            10,
            3,
            0,
            300,
            5,
            ReasonCode.SCALE_DOWN_STABILIZED),
        c(
            "stabilizeRecommendationWithBehaviors (horizontal.go): a sample exactly one window old no longer counts",
            List.of(rec(9, 300)),
            10,
            3,
            0,
            300,
            3,
            ReasonCode.DESIRED_WITHIN_RANGE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void stabilizesLikeTheHpa(
      String source, DecisionInput input, int expectedReplicas, ReasonCode expectedReason) {
    Decision decision = PIPELINE.decide(input);

    assertThat(decision.replicas()).as(decision.explanation()).isEqualTo(expectedReplicas);
    assertThat(decision.reason()).as(decision.explanation()).isEqualTo(expectedReason);
  }

  private static Arguments c(
      String name,
      List<TimedRecommendation> history,
      int current,
      int desired,
      int upWindow,
      int downWindow,
      int expected,
      ReasonCode reason) {
    List<RatePolicy> open = List.of(RatePolicy.pods(100_000, Duration.ofSeconds(15)));
    Behavior behavior =
        new Behavior(
            new ScalingRules(Duration.ofSeconds(upWindow), SelectPolicy.MAX, open),
            new ScalingRules(
                Duration.ofSeconds(downWindow),
                SelectPolicy.MAX,
                List.of(RatePolicy.percent(100, Duration.ofSeconds(15)))));
    ScalingPolicy policy = ScalingPolicy.hpaDefaults(1, 1000).withBehavior(behavior);
    DecisionState state = DecisionState.of(history, List.of(), List.of());
    return Arguments.of(
        (name.contains("horizontal.go") ? "" : "horizontal_test.go ") + name,
        input(current, policy, state, desiring(desired)),
        expected,
        reason);
  }
}
