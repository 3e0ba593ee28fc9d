package io.predictivescaler.core.decision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForecastReplicasTest {

  @ParameterizedTest(name = "load {0} at {1} per replica: {2}")
  @CsvSource({
    "100, 10, 10",
    "100.001, 10, 11",
    "99.9, 10, 10",
    "0.5, 10, 1",
    "0, 10, 0",
    "-3, 10, 0",
    "NaN, 10, 0",
    "Infinity, 10, 2147483647"
  })
  void roundsUpToWholeReplicas(double load, double perReplica, int replicas) {
    assertThat(ForecastReplicas.needed(load, perReplica)).isEqualTo(replicas);
  }

  @Test
  void aLoadStoredAsAFloatAtAWholeNumberOfReplicasAsksForNoMore() {
    for (int k = 1; k <= 2000; k++) {
      double target = 0.3;
      double stored = (float) (k * target);

      assertThat(ForecastReplicas.needed(stored, target)).as("%s replicas", k).isEqualTo(k);
      assertThat(ForecastReplicas.needed(stored + target / 100, target)).isEqualTo(k + 1);
    }
  }
}
