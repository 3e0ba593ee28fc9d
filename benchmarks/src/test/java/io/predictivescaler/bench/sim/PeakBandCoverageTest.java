package io.predictivescaler.bench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The simulator scores each tick's peak bands against the actual peak over its lead window, level
 * by level, and counts which level the choice had in force.
 */
class PeakBandCoverageTest {

  private static final double[] LEVELS = {0.5, 0.9};
  private static final double HPA = 0;
  private static final double NONE = Double.NaN;

  /** Load 10, 20, ..., 60 without delays; each tick's window covers the next two ticks. */
  private final Scenario scenario = TestScenarios.ofLoad(0, 0, 10, 20, 30, 40, 50, 60);

  @Test
  void eachLevelIsScoredAgainstThePeakOfItsWindowWithTheBandItself() {
    SimulationResult result =
        run(
            bands(25, 35, NONE), // peak 30: only 0.9 covers
            bands(40, 45, HPA), // peak 40: both, a peak equal to the band is covered
            bands(10, 20, 0.9), // peak 50: neither
            bands(70, 80, 0.9), // peak 60: both
            bands(0, 0, 0.5), // window ends after the trace: not scored
            null);

    PeakBandCoverage coverage = result.peakBandCoverage();
    LevelCoverage median = coverage.levels().get(0);
    LevelCoverage high = coverage.levels().get(1);
    assertThat(median.level()).isEqualTo(0.5);
    assertThat(median.outcomes()).isEqualTo(4);
    assertThat(median.covered()).isEqualTo(2);
    assertThat(median.coverage()).isCloseTo(0.5, within(1e-12));
    assertThat(high.level()).isEqualTo(0.9);
    assertThat(high.outcomes()).isEqualTo(4);
    assertThat(high.covered()).isEqualTo(3);
    assertThat(high.coverage()).isCloseTo(0.75, within(1e-12));
  }

  @Test
  void aBandARoundingBelowThePeakHoldsIt() {
    SimulationResult result =
        run(
            bands(30 - 1e-2, 30 - 1e-6, NONE), // peak 30: 0.01 below misses, a rounding holds
            null,
            null,
            null,
            null,
            null);

    PeakBandCoverage coverage = result.peakBandCoverage();
    assertThat(coverage.levels().get(0).covered()).isZero();
    assertThat(coverage.levels().get(1).covered()).isEqualTo(1);
  }

  @Test
  void countsTheTicksEachLevelTheHpaOrNoChoiceWasInForce() {
    SimulationResult result =
        run(
            bands(25, 35, NONE),
            bands(40, 45, HPA),
            bands(10, 20, 0.9),
            bands(70, 80, 0.9),
            bands(0, 0, 0.5),
            null);

    PeakBandCoverage coverage = result.peakBandCoverage();
    assertThat(coverage.ticks()).isEqualTo(5);
    assertThat(coverage.unchosenShare()).isCloseTo(1 / 5.0, within(1e-12));
    assertThat(coverage.hpaShare()).isCloseTo(1 / 5.0, within(1e-12));
    assertThat(coverage.chosenShare(coverage.levels().get(0))).isCloseTo(1 / 5.0, within(1e-12));
    assertThat(coverage.chosenShare(coverage.levels().get(1))).isCloseTo(2 / 5.0, within(1e-12));
  }

  @Test
  void isNullWhenNoTickHadPeakBands() {
    SimulationResult result = new ClusterSimulator(scenario).run(tick -> Decision.of(1, "Plain"));

    assertThat(result.peakBandCoverage()).isNull();
  }

  @Test
  void aLevelWithoutOutcomesHasNoCoverage() {
    SimulationResult result = run(null, null, null, null, bands(0, 0, 0.5), null);

    assertThat(result.peakBandCoverage().levels())
        .allSatisfy(l -> assertThat(l.coverage()).isNaN());
  }

  /**
   * A trace whose ticks fall 7 s after the step grid: the history labels tick {@code i} with the
   * grid time before it, so the window after the label of tick 0 holds ticks 1 and 2 (peak 30), not
   * ticks 0 and 1.
   */
  @Test
  void aTraceOffTheStepGridIsScoredOnTheTicksItsHistoryLabelsInTheWindow() {
    Scenario offGrid =
        new Scenario(
            TestScenarios.START.plusSeconds(7),
            TestScenarios.STEP,
            new double[] {10, 20, 30, 40, 50, 60},
            TestScenarios.CAPACITY,
            Duration.ZERO,
            Duration.ZERO,
            1);
    Instant label = TestScenarios.START;

    SimulationResult result =
        new ClusterSimulator(offGrid)
            .run(
                tick ->
                    new Decision(
                        1,
                        "Banded",
                        null,
                        tick.tick() == 0
                            ? new PeakBands(
                                label,
                                label.plus(TestScenarios.STEP.multipliedBy(2)),
                                LEVELS,
                                new double[] {25, 35},
                                0.9,
                                "q0.9")
                            : null));

    PeakBandCoverage coverage = result.peakBandCoverage();
    assertThat(coverage.levels().get(0).outcomes()).isEqualTo(1);
    assertThat(coverage.levels().get(0).covered()).as("25 < 30").isZero();
    assertThat(coverage.levels().get(1).covered()).as("35 >= 30").isEqualTo(1);
  }

  @Test
  void aLevelChosenBetweenTwoTrackedOnesCountsHalfToEach() {
    SimulationResult result = run(bands(25, 35, 0.7), bands(25, 35, 0.9), null, null, null, null);

    PeakBandCoverage coverage = result.peakBandCoverage();
    assertThat(coverage.levels().get(0).chosenTicks()).isEqualTo(0.5);
    assertThat(coverage.levels().get(1).chosenTicks()).isEqualTo(1.5);
  }

  @Test
  void aChosenLevelOutsideTheTrackedOnesIsAnError() {
    assertThatThrownBy(() -> run(bands(25, 35, 0.95), null, null, null, null, null))
        .hasMessageContaining("chosen level 0.95 is none of [0.5, 0.9]");
  }

  /** Runs the scenario; tick {@code i} gives {@code perTick[i]}'s bands over its next two ticks. */
  private SimulationResult run(Bands... perTick) {
    return new ClusterSimulator(scenario)
        .run(
            tick -> {
              Bands b = perTick[tick.tick()];
              PeakBands bands =
                  b == null
                      ? null
                      : new PeakBands(
                          scenario.timeAt(tick.tick()),
                          scenario.timeAt(tick.tick() + 2),
                          LEVELS,
                          new double[] {b.median(), b.high()},
                          b.chosen(),
                          null);
              return new Decision(1, "Banded", null, bands);
            });
  }

  private record Bands(double median, double high, double chosen) {}

  private static Bands bands(double median, double high, double chosen) {
    return new Bands(median, high, chosen);
  }
}
