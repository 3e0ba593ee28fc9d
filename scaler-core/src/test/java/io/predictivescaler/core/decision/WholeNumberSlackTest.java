package io.predictivescaler.core.decision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A load window keeps samples as 32-bit floats. A load that is an exact multiple of its target must
 * need as many replicas after that rounding as before it, or the service's reactive sizing asks for
 * one more replica than the HPA does on the same load.
 */
class WholeNumberSlackTest {

  @ParameterizedTest(name = "target {0}")
  @ValueSource(doubles = {0.16, 0.1, 0.3, 0.7, 2.5, 1.255165, 33.3})
  void aFloatRoundedMultipleOfTheTargetNeedsTheSameReplicas(double target) {
    for (int k = 1; k <= 2000; k++) {
      double load = k * target;
      double stored = (float) load;

      assertThat(ReplicaCalculator.ceil(stored / target))
          .as("load %s (stored as %s) at %s per replica", load, stored, target)
          .isEqualTo(ReplicaCalculator.ceil(load / target))
          .isEqualTo(k);
    }
  }

  @ParameterizedTest(name = "load {0} on one replica of 2.0, outside at {1}")
  @CsvSource({"2.2, 2.2022", "1.8, 1.7982"})
  void aRatioOnTheToleranceEdgeStaysWithinAfterFloatRounding(double load, double outside) {
    Tolerance tolerance = new Tolerance(0.1, 0.1);

    assertThat(tolerance.isWithin(load / 2.0)).isTrue();
    assertThat(tolerance.isWithin((float) load / 2.0)).as("stored as %s", (float) load).isTrue();
    assertThat(tolerance.isWithin(outside / 2.0)).isFalse();
  }

  @ParameterizedTest(name = "{0} replicas")
  @ValueSource(ints = {1, 5, 20, 1000})
  void aCountClearlyAboveAWholeNumberStillRoundsUp(int n) {
    assertThat(ReplicaCalculator.ceil(n * (1 + 1e-5))).isEqualTo(n + 1);
    assertThat(ReplicaCalculator.ceil(n + 0.01)).isEqualTo(n + 1);
    assertThat(ReplicaCalculator.ceil(n * (1 + 1e-7))).isEqualTo(n);
    assertThat(ReplicaCalculator.ceil(n - 0.01)).isEqualTo(n);
  }
}
