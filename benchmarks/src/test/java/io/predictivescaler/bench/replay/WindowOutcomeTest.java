package io.predictivescaler.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.bench.sim.ReplayMetrics;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WindowOutcomeTest {
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

  private static ReplayMetrics figures(double overloadMinutes, double replicaHours) {
    return new ReplayMetrics(overloadMinutes, 0, replicaHours, 0, 0, 0, replicaHours, 0.8, 10);
  }

  private static WindowOutcome outcome(double hpaOverload, double hpaCost, double ov, double cost) {
    return new WindowOutcome(
        START, START.plusSeconds(86_400), figures(hpaOverload, hpaCost), figures(ov, cost));
  }

  @ParameterizedTest(name = "hpa {0} min / {1} h, predictive {2} min / {3} h: kept {4}")
  @CsvSource({
    "10, 100, 10, 100, true",
    "10, 100, 15, 99, true",
    "10, 100, 15.25, 99, false",
    "19.75, 100, 24.75, 99, true",
    "20, 100, 20.25, 99, false",
    "50, 100, 40, 100.01, false",
    "0, 100, 0, 100, true"
  })
  void theDefaultContractAllowsFiveMinutesWhereTheHpaHadFewerThanTwenty(
      double hpaOverload, double hpaCost, double ov, double cost, boolean kept) {
    assertThat(outcome(hpaOverload, hpaCost, ov, cost).keepsContract()).isEqualTo(kept);
  }

  @Test
  void aWindowMissedOnCostAloneStillKeptTheOverloadHalf() {
    WindowOutcome dearer = outcome(10, 100, 5, 101);

    assertThat(dearer.keepsContract()).isFalse();
    assertThat(dearer.keptOverload()).isTrue();
  }

  @Test
  void theWindowsSumEachFigureBeforeTakingTheRatio() {
    WindowReplays windows =
        new WindowReplays(2, List.of(outcome(10, 100, 30, 90), outcome(30, 300, 10, 300)));

    assertThat(windows.overloadRatio()).isEqualTo(40.0 / 40);
    assertThat(windows.replicaHoursRatio()).isEqualTo(390.0 / 400);
    assertThat(windows.missed()).containsExactly(windows.outcomes().get(0));
    assertThat(new WindowReplays(2, List.of(outcome(0, 100, 0, 90))).overloadRatio()).isNaN();
  }
}
