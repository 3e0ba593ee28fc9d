package io.predictivescaler.bench.strategy;

import static io.predictivescaler.bench.sim.TestScenarios.concat;
import static io.predictivescaler.bench.sim.TestScenarios.repeat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.predictivescaler.bench.sim.ClusterSimulator;
import io.predictivescaler.bench.sim.Decision;
import io.predictivescaler.bench.sim.Scenario;
import io.predictivescaler.bench.sim.SimulationResult;
import io.predictivescaler.bench.sim.TestScenarios;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OracleStrategyTest {

  private static final int STARTUP = 6;

  private static SimulationResult run(Scenario scenario) {
    return new ClusterSimulator(scenario).run(new OracleStrategy(scenario));
  }

  @Test
  void stepIsRequestedExactlyOneStartupDelayAhead() {
    Scenario scenario = TestScenarios.ofNeeds(STARTUP, 2, concat(repeat(2, 20), repeat(5, 20)));

    SimulationResult result = run(scenario);

    assertThat(result.replicas()[20 - STARTUP - 1]).isEqualTo(2);
    assertThat(result.replicas()[20 - STARTUP]).isEqualTo(5);
    assertThat(result.ready()[19]).isEqualTo(2);
    assertThat(result.ready()[20]).isEqualTo(5);
    assertThat(result.metrics().overloadMinutes()).isZero();
    assertThat(result.metrics().scaleEvents()).isEqualTo(1);
  }

  @Test
  void rampIsFollowedOneStartupDelayAhead() {
    int[] needs = new int[40];
    for (int i = 0; i < needs.length; i++) {
      needs[i] = 1 + i / 3;
    }
    Scenario scenario = TestScenarios.ofNeeds(STARTUP, 0, needs);

    int[] plan = OracleStrategy.plan(scenario);

    for (int i = 0; i < needs.length; i++) {
      assertThat(plan[i])
          .as("tick %d", i)
          .isEqualTo(needs[Math.min(i + STARTUP, needs.length - 1)]);
    }
    assertThat(run(scenario).metrics().overloadMinutes()).isZero();
  }

  @Test
  void spikeShorterThanStartupIsCoveredByPodsAskedForAhead() {
    int[] needs = concat(repeat(1, 20), repeat(4, 3), repeat(1, 20));
    Scenario scenario = TestScenarios.ofNeeds(STARTUP, 0, needs);

    SimulationResult result = run(scenario);

    assertThat(result.metrics().overloadMinutes()).isZero();
    int spikeReplicaTicks = (STARTUP + 3) * (4 - 1);
    double replicaTicks = needs.length + spikeReplicaTicks;
    assertThat(result.metrics().replicaHours()).isCloseTo(replicaTicks * 15 / 3600.0, within(1e-9));
    assertThat(result.replicas()[20 - STARTUP]).isEqualTo(4);
    assertThat(result.replicas()[23]).isEqualTo(1);
  }

  @Test
  void keepsAPodThroughAGapNoLongerThanTheStartupDelay() {
    int[] needs =
        concat(repeat(1, 10), repeat(2, 5), repeat(1, STARTUP), repeat(2, 5), repeat(1, 5));
    Scenario scenario = TestScenarios.ofNeeds(STARTUP, 0, needs);

    int[] plan = OracleStrategy.plan(scenario);

    for (int i = 15; i < 15 + STARTUP; i++) {
      assertThat(plan[i]).as("gap tick %d", i).isEqualTo(2);
    }
  }

  @Test
  void dropsAPodThroughAGapLongerThanTheStartupDelay() {
    int gap = STARTUP + 3;
    int[] needs = concat(repeat(1, 10), repeat(2, 5), repeat(1, gap), repeat(2, 5), repeat(1, 5));
    Scenario scenario = TestScenarios.ofNeeds(STARTUP, 0, needs);

    int[] plan = OracleStrategy.plan(scenario);

    int released = 0;
    for (int i = 15; i < 15 + gap; i++) {
      released += plan[i] == 1 ? 1 : 0;
    }
    assertThat(released).isEqualTo(gap - STARTUP);
    assertThat(plan[15 + gap - STARTUP - 1]).isEqualTo(1);
    assertThat(plan[15 + gap - STARTUP]).isEqualTo(2);
  }

  /** Every replica sequence a strategy could ask for, on small random traces: none beats it. */
  @Test
  void noScheduleWithoutOverloadCostsLessThanTheOracle() {
    Random random = new Random(42);
    int ticks = 7;
    int maxNeed = 3;
    for (int trial = 0; trial < 12; trial++) {
      int[] needs = new int[ticks];
      for (int i = 0; i < ticks; i++) {
        needs[i] = 1 + random.nextInt(maxNeed);
      }
      int startup = 1 + random.nextInt(3);
      Scenario scenario = TestScenarios.ofNeeds(startup, 0, needs);

      SimulationResult oracle = run(scenario);
      double best = cheapestWithoutOverload(scenario, maxNeed);

      assertThat(oracle.metrics().overloadMinutes()).as("trial %d", trial).isZero();
      assertThat(oracle.metrics().replicaHours())
          .as("trial %d, needs %s, startup %d", trial, java.util.Arrays.toString(needs), startup)
          .isCloseTo(best, within(1e-9));
    }
  }

  private static double cheapestWithoutOverload(Scenario scenario, int levels) {
    int ticks = scenario.ticks();
    int[] plan = new int[ticks];
    double best = Double.MAX_VALUE;
    int combinations = (int) Math.pow(levels + 1, ticks);
    for (int code = 0; code < combinations; code++) {
      int rest = code;
      for (int i = 0; i < ticks; i++) {
        plan[i] = rest % (levels + 1);
        rest /= levels + 1;
      }
      SimulationResult result =
          new ClusterSimulator(scenario).run(tick -> Decision.of(plan[tick.tick()], "Enumerated"));
      if (result.metrics().overloadMinutes() == 0) {
        best = Math.min(best, result.metrics().replicaHours());
      }
    }
    return best;
  }
}
