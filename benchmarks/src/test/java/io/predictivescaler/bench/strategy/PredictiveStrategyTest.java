package io.predictivescaler.bench.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.predictivescaler.bench.sim.ClusterSimulator;
import io.predictivescaler.bench.sim.LevelCoverage;
import io.predictivescaler.bench.sim.PeakBandCoverage;
import io.predictivescaler.bench.sim.Scenario;
import io.predictivescaler.bench.sim.SimulationResult;
import io.predictivescaler.core.config.RiskBudget;
import io.predictivescaler.forecast.peak.PeakCalibrator;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The replay's {@code predictive} is the service's tick loop: on a daily morning ramp that a
 * reactive HPA always meets late, it learns the ramp and, with a risk budget below the HPA's ramp
 * overload, is overloaded less on the last day. (Under {@code risk: hpa} it would keep the HPA
 * here: the HPA, held by its tolerance at 96 % of its target, is the cheaper of the two at equal
 * overload until a ramp has been met.)
 */
class PredictiveStrategyTest {

  private static final Duration STEP = Duration.ofSeconds(15);
  private static final int TICKS_PER_DAY = 86_400 / 15;

  @Test
  void overloadsLessThanTheHpaOnceItHasSeenTheDailyRamp() {
    Scenario scenario = dailyRamp(3);

    SimulationResult hpa = run(scenario, "hpa", 0.8);
    SimulationResult predictive =
        run(scenario, "predictive", 0.9, Optional.of(RiskBudget.share(0.001)));

    int lastDay = 2 * TICKS_PER_DAY;
    assertThat(overloadedTicks(scenario, predictive, lastDay))
        .isLessThan(overloadedTicks(scenario, hpa, lastDay) / 2);
    assertThat(predictive.hasForecast()).isTrue();
    assertThat(predictive.reasons()).containsKey("PredictedLoad");
  }

  @Test
  void scoresTheCalibratedPeakBandAtEveryTrackedLevelAndCountsTheChoices() {
    Scenario scenario = dailyRamp(1);

    SimulationResult predictive = run(scenario, "predictive", 0.9);

    PeakBandCoverage coverage = predictive.peakBandCoverage();
    assertThat(coverage.levels())
        .extracting(LevelCoverage::level)
        .containsExactly(Arrays.stream(PeakCalibrator.LEVELS).boxed().toArray(Double[]::new));
    assertThat(coverage.ticks()).isBetween(scenario.ticks() / 2L, (long) scenario.ticks());
    assertThat(coverage.levels()).allSatisfy(l -> assertThat(l.outcomes()).isPositive());
    // a higher level's band is never lower, so it covers at least every window a lower one does
    for (int l = 1; l < coverage.levels().size(); l++) {
      assertThat(coverage.levels().get(l).covered())
          .isGreaterThanOrEqualTo(coverage.levels().get(l - 1).covered());
    }
    assertThat(coverage.levels().get(0).coverage()).isLessThan(1.0);
    double chosen =
        coverage.levels().stream().mapToDouble(coverage::chosenShare).sum()
            + coverage.hpaShare()
            + coverage.unchosenShare();
    assertThat(chosen).isCloseTo(1.0, within(1e-9));
    // the first re-pick replays two hours of history; until then no choice is in force
    assertThat(coverage.unchosenShare()).isPositive().isLessThan(0.25);
  }

  @Test
  void recordsTheCandidateInForceBesideItsLevelAtEveryTick() {
    Scenario scenario = dailyRamp(1);

    SimulationResult predictive = run(scenario, "predictive", 0.9);

    double[] levels = predictive.chosenLevels();
    String[] candidates = predictive.chosenCandidates();
    assertThat(candidates).hasSameSizeAs(levels);
    int inForce = 0;
    for (int i = 0; i < levels.length; i++) {
      if (Double.isNaN(levels[i])) {
        assertThat(candidates[i]).as("tick %d", i).isNull();
        continue;
      }
      inForce++;
      if (levels[i] == 0) {
        assertThat(candidates[i]).as("tick %d", i).isEqualTo("hpa");
      } else {
        // a split candidate names its busy level first; the level in force may be its quiet one
        assertThat(candidates[i]).as("tick %d", i).startsWith("q");
      }
    }
    assertThat(inForce).isPositive();
  }

  private static SimulationResult run(Scenario scenario, String name, double utilization) {
    return run(scenario, name, utilization, Optional.empty());
  }

  private static SimulationResult run(
      Scenario scenario, String name, double utilization, Optional<RiskBudget> risk) {
    StrategyContext context =
        StrategyContext.of(name, scenario, utilization, Duration.ofMinutes(10), 80)
            .withReactiveUtilization(0.8)
            .withRisk(risk);
    return new ClusterSimulator(scenario).run(StrategyFactory.defaults().create(name, context));
  }

  private static int overloadedTicks(Scenario scenario, SimulationResult result, int from) {
    int overloaded = 0;
    for (int i = from; i < scenario.ticks(); i++) {
      if (scenario.overloaded(scenario.load()[i], result.ready()[i])) {
        overloaded++;
      }
    }
    return overloaded;
  }

  /** 300 at night, a five-minute ramp to 2,000 at 08:00, back down at 20:00; noise 1 %. */
  private static Scenario dailyRamp(int days) {
    Random noise = new Random(7);
    double[] load = new double[days * TICKS_PER_DAY];
    for (int i = 0; i < load.length; i++) {
      int second = (i % TICKS_PER_DAY) * 15;
      double up = Math.min(1, Math.max(0, (second - 8 * 3600) / 300.0));
      double down = Math.min(1, Math.max(0, (second - 20 * 3600) / 1800.0));
      load[i] = (300 + 1700 * (up - down)) * (1 + 0.01 * noise.nextGaussian());
    }
    return new Scenario(
        Instant.parse("2026-03-02T00:00:00Z"),
        STEP,
        load,
        100,
        Duration.ofSeconds(90),
        Duration.ofSeconds(30),
        1);
  }
}
