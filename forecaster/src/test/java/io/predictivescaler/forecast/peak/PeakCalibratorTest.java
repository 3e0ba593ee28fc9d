package io.predictivescaler.forecast.peak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.predictivescaler.forecast.RegularSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeakCalibratorTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final Duration STEP = Duration.ofSeconds(15);
  private static final double[] CHECKED = {0.8, 0.9, 0.95};
  private static final double[] NO_PATH = new double[0];
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
  private static final int PER_DAY = 288;

  @ParameterizedTest(name = "leadSteps {0}")
  @ValueSource(ints = {1, 4, 12})
  void bandsCoverTheActualPeakAtTheirLevelOnAStationarySeries(int leadSteps) {
    float[] load = noisy(new Random(7), 6_000, i -> 10);
    PeakBand[] bands = run(new PeakCalibrator(), load, leadSteps);

    for (double level : CHECKED) {
      double coverage = coverage(bands, load, leadSteps, level, 1_000, load.length);

      assertThat(coverage).as("coverage at level %s", level).isCloseTo(level, within(0.03));
    }
  }

  @Test
  void coverageRecoversAfterTheNoiseDoubles() {
    int half = 6_000;
    float[] load = noisy(new Random(11), 2 * half, i -> i < half ? 10 : 20);

    PeakBand[] bands = run(new PeakCalibrator(), load, 4);

    // right after the change: a split-conformal window full of old scores under-covers here
    // (0.86 at 0.9); the adaptive alphas bring it back within a few hundred ticks
    for (double level : CHECKED) {
      double afterDrift = coverage(bands, load, 4, level, half, half + 1_500);
      assertThat(afterDrift)
          .as("coverage after the drift at %s", level)
          .isCloseTo(level, within(0.02));
    }
  }

  @Test
  void coverageRecoversAfterTheNoiseTurnsSpiky() {
    // the volatility in the score floor does not absorb this drift: rare spikes barely move the
    // mean absolute step, so only the adaptive quantile can restore coverage
    int half = 6_000;
    Random random = new Random(13);
    float[] load = new float[2 * half];
    for (int i = 0; i < load.length; i++) {
      double spike = i >= half && random.nextInt(25) == 0 ? 60 * random.nextDouble() : 0;
      load[i] = (float) (100 + 5 * random.nextGaussian() + spike);
    }

    PeakBand[] bands = run(new PeakCalibrator(), load, 4);

    // without the adaptive alphas: 0.87 at 0.9 and 0.90 at 0.95 over these ticks
    for (double level : CHECKED) {
      double afterDrift = coverage(bands, load, 4, level, half, half + 1_500);
      assertThat(afterDrift)
          .as("coverage after the drift at %s", level)
          .isCloseTo(level, within(0.02));
    }
  }

  @Test
  void oneBurstOfLoadDoesNotHoldTheMiddleLevelsAtTheWidestBand() {
    // a burst that climbs for ten ticks: every window covering it misses. Counted as independent
    // misses, they drove the q0.95 alpha below zero, sizing for the widest score seen (the
    // burst's) for hours after
    int quiet = 3_000;
    float[] load = noisy(new Random(17), quiet + 10 + 100, i -> 5);
    for (int k = 0; k < 10; k++) {
      load[quiet + k] = 100 + 20 * (k + 1);
    }

    PeakBand[] bands = run(new PeakCalibrator(), load, 8);

    PeakBand after = bands[load.length - 1];
    PeakBand before = bands[quiet - 1];
    assertThat(after.at(0.95)).isLessThan(after.at(0.999));
    assertThat(after.at(0.95) - after.predicted())
        .isLessThan(3 * (before.at(0.95) - before.predicted()));
  }

  @Test
  void anOutageOfZeroLoadDoesNotWidenTheBandsOnceTheLoadIsBack() {
    // six hours without load, then the load returns over five minutes: the score scale decayed
    // towards zero during the outage, so the return scored as a miss thousands of scales wide
    // and held every high level at several times the load for the next twelve hours
    int before = 6_000;
    int outage = 1_440;
    int ramp = 20;
    float[] load = noisy(new Random(19), before + outage + ramp + 2_000, i -> 5);
    for (int i = before; i < before + outage + ramp; i++) {
      load[i] = i < before + outage ? 0 : load[i] * (i - before - outage + 1) / (ramp + 1f);
    }

    PeakBand[] bands = run(new PeakCalibrator(), load, 8);

    PeakBand ahead = bands[before - 1];
    PeakBand back = bands[before + outage + ramp + 240];
    // the return itself is scored like a burst of the load's own size (it widened 0.99 from 18
    // to 300, three times the load, before idle series were told apart)
    assertThat(back.at(0.9) - back.predicted()).isLessThan(2 * (ahead.at(0.9) - ahead.predicted()));
    for (double level : new double[] {0.99, 0.999}) {
      assertThat(back.at(level))
          .as("band at %s an hour after the load came back", level)
          .isLessThan(2 * back.predicted());
    }
  }

  @Test
  void anIdleSeriesAtExactlyZeroHasItsBandAtZero() {
    int before = 3_000;
    float[] load = noisy(new Random(29), before + 200, i -> 5);
    for (int i = before; i < load.length; i++) {
      load[i] = 0;
    }

    PeakBand[] bands = run(new PeakCalibrator(), load, 8);

    PeakBand early = bands[before + PeakCalibrator.IDLE_POINTS / 2];
    PeakBand idle = bands[load.length - 1];
    assertThat(early.at(0.9)).as("a short lull is scored as usual").isPositive();
    assertThat(idle.predicted()).isZero();
    assertThat(idle.calibrated()).isTrue();
    for (double level : PeakCalibrator.LEVELS) {
      assertThat(idle.at(level)).as("band at %s", level).isZero();
    }
  }

  @ParameterizedTest(name = "flicker {0}")
  @ValueSource(doubles = {0.05, 0.002})
  void anIdleSeriesThatFlickersBelowTheNoLoadLineHasABandCalibratedOnItsOwnOutcomes(double sd) {
    // an idle VM's CPU: readings of 0.5 +- sd where the usual load is 100 (no load below 2);
    // with its band at the newest reading, nearly every lead window held a higher one, and the
    // top level covered a third of the idle ticks; scored in units of the no-load line, a
    // flicker of 0.002 was below the scores' resolution and the band stayed at the reading
    int before = 3_000;
    int idleTicks = 3_000;
    int leadSteps = 8;
    float[] load = noisy(new Random(37), before + idleTicks, i -> 5);
    Random flicker = new Random(41);
    for (int i = before; i < load.length; i++) {
      load[i] = (float) (0.5 + sd * flicker.nextGaussian());
    }

    PeakBand[] bands = run(new PeakCalibrator(), load, leadSteps);

    int from = before + PeakCalibrator.IDLE_POINTS + 600;
    for (double level : new double[] {0.5, 0.8, 0.9, 0.95, 0.99}) {
      assertThat(coverage(bands, load, leadSteps, level, from, load.length))
          .as("coverage at %s while idle", level)
          .isCloseTo(level, within(0.03));
    }
    double noLoadLine = PeakCalibrator.NO_LOAD_SHARE * 100;
    for (int t = before + PeakCalibrator.IDLE_POINTS + 1; t < load.length; t++) {
      assertThat(bands[t].predicted()).as("prediction at %d", t).isEqualTo(load[t], within(1e-6));
      assertThat(bands[t].at(0.5)).as("q0.5 at %d", t).isGreaterThanOrEqualTo(load[t]);
      // never sized for the load coming back: an outage would hold capacity for hours
      assertThat(bands[t].at(0.999)).as("q0.999 at %d", t).isLessThanOrEqualTo(noLoadLine * 1.1);
    }
  }

  @Test
  void anIdleSeriesDoesNotBelieveAPathThatExpectsTheUsualLoad() {
    float[] load = noisy(new Random(31), 3_000, i -> 5);
    PeakCalibrator calibrator = new PeakCalibrator();
    run(calibrator, load, 8);
    float[] withOutage = Arrays.copyOf(load, load.length + 2 * PeakCalibrator.IDLE_POINTS);
    double[] usualDay = {100, 110, 120};

    PeakBand band = null;
    for (int t = load.length; t < withOutage.length; t++) {
      band =
          calibrator.update(
              new RegularSeries(T0, STEP, Arrays.copyOf(withOutage, t + 1)), usualDay, 8);
    }

    assertThat(band.predicted()).isZero();
    assertThat(band.at(0.999)).isZero();
  }

  @Test
  void anOutageIsNotMistakenForACollapseOfCoverage() {
    int before = 6_000;
    int outage = 1_440;
    float[] load = noisy(new Random(23), before + outage + 600, i -> 5);
    for (int i = before; i < before + outage; i++) {
      load[i] = 0;
    }

    PeakBand[] bands = run(new PeakCalibrator(), load, 8);

    PeakBand back = bands[load.length - 1];
    for (double level : CHECKED) {
      assertThat(back.coverageAt(level)).as("coverage at %s", level).isGreaterThan(level - 0.1);
    }
  }

  @Test
  void isCalibratedOnceMinScoresOutcomesHaveMatured() {
    int leadSteps = 3;
    float[] load = noisy(new Random(3), 300, i -> 10);

    PeakBand[] bands = run(new PeakCalibrator(), load, leadSteps);

    // the prediction made at tick t matures at tick t + leadSteps
    int first = PeakCalibrator.MIN_SCORES - 1 + leadSteps;
    assertThat(bands[first - 1].scores()).isEqualTo(PeakCalibrator.MIN_SCORES - 1);
    assertThat(bands[first - 1].calibrated()).isFalse();
    assertThat(bands[first].scores()).isEqualTo(PeakCalibrator.MIN_SCORES);
    assertThat(bands[first].calibrated()).isTrue();
    for (int t = 0; t < load.length; t++) {
      assertThat(bands[t].calibrated()).as("tick %d", t).isEqualTo(t >= first);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void bandsAreMonotoneInTheLevel(long seed) {
    Random random = new Random(seed);
    float[] load = new float[8_000];
    for (int i = 0; i < load.length; i++) {
      double spike = random.nextInt(50) == 0 ? 80 * random.nextDouble() : 0;
      double noise = (i < 4_000 ? 5 : 15) * random.nextGaussian();
      load[i] = (float) (100 + noise + spike);
    }

    PeakBand[] bands = run(new PeakCalibrator(), load, 4);

    for (int t = 0; t < bands.length; t++) {
      double[] b = bands[t].bands();
      for (int l = 1; l < b.length; l++) {
        assertThat(b[l])
            .as(
                "tick %d: band at %s below band at %s",
                t, bands[t].levels()[l], bands[t].levels()[l - 1])
            .isGreaterThanOrEqualTo(b[l - 1]);
      }
    }
  }

  @Test
  void predictedPeakFollowsARisingPath() {
    float[] load = noisy(new Random(5), 500, i -> 10);
    PeakCalibrator flat = new PeakCalibrator();
    PeakCalibrator rising = new PeakCalibrator();
    run(flat, Arrays.copyOf(load, load.length - 1), 3);
    run(rising, Arrays.copyOf(load, load.length - 1), 3);
    RegularSeries history = new RegularSeries(T0, STEP, load);
    double last = load[load.length - 1];
    // the fourth point is past the lead window and must not count
    double[] path = {last + 10, last + 20, last + 30, last + 80};

    PeakBand withoutPath = flat.update(history, NO_PATH, 3);
    PeakBand withPath = rising.update(history, path, 3);

    assertThat(withoutPath.predicted()).isEqualTo(last);
    assertThat(withPath.last()).isEqualTo(last);
    assertThat(withPath.predicted()).isCloseTo(last + 30, within(1e-9));
    assertThat(withPath.calibrated()).isTrue();
    int shifted = 0;
    for (int l = 0; l < PeakCalibrator.LEVELS.length; l++) {
      double level = PeakCalibrator.LEVELS[l];
      if (Double.isNaN(rising.cappedAt(level))) {
        shifted++;
        assertThat(withPath.bands()[l] - withoutPath.bands()[l])
            .as("level %s", level)
            .isCloseTo(30, within(1e-6));
      } else {
        // no further than the load has been seen to rise, and never below the prediction
        assertThat(withPath.bands()[l])
            .as("level %s", level)
            .isEqualTo(rising.cappedAt(level))
            .isGreaterThanOrEqualTo(withPath.predicted())
            .isLessThan(withoutPath.bands()[l] + 30);
      }
    }
    assertThat(shifted).as("levels the path shifted").isGreaterThanOrEqualTo(3);
  }

  @Test
  void aFallingPathDoesNotLowerThePredictionBelowTheNewestLoad() {
    RegularSeries history = new RegularSeries(T0, STEP, new float[] {100, 120});

    PeakBand band = new PeakCalibrator().update(history, new double[] {90, 80}, 2);

    assertThat(band.predicted()).isEqualTo(120.0);
  }

  @Test
  void aPathShorterThanTheLeadWindowIsUsedAsFarAsItGoes() {
    RegularSeries history = new RegularSeries(T0, STEP, new float[] {100, 120});

    PeakBand band = new PeakCalibrator().update(history, new double[] {150}, 5);

    assertThat(band.predicted()).isEqualTo(150.0);
  }

  @Test
  void gapsScoreOnlyWindowsWithData() {
    int leadSteps = 2;
    float[] load = new float[30];
    for (int i = 0; i < load.length; i++) {
      load[i] = i >= 10 && i < 15 ? Float.NaN : 100 + i % 3;
    }
    PeakCalibrator calibrator = new PeakCalibrator();

    PeakBand[] bands = run(calibrator, load, leadSteps);

    // origins 0..8 have a point in their window (origin 8 sees point 9); origin 9 sees only the
    // gap; origins 15..27 mature by tick 29; ticks in the gap make no prediction
    assertThat(calibrator.matured()).isEqualTo(9 + 13);
    for (int t = 10; t < 15; t++) {
      assertThat(bands[t].last()).as("tick %d", t).isNaN();
      assertThat(bands[t].bands()).as("tick %d", t).isEmpty();
      assertThat(bands[t].calibrated()).isFalse();
    }
    assertThat(bands[29].bands()).hasSize(PeakCalibrator.LEVELS.length).doesNotContain(Double.NaN);
  }

  @Test
  void aRepeatedTickIsScoredOnce() {
    float[] load = noisy(new Random(9), 50, i -> 10);
    PeakCalibrator calibrator = new PeakCalibrator();
    RegularSeries history = new RegularSeries(T0, STEP, load);

    calibrator.update(new RegularSeries(T0, STEP, Arrays.copyOf(load, 1)), NO_PATH, 1);
    calibrator.update(new RegularSeries(T0, STEP, Arrays.copyOf(load, 1)), NO_PATH, 1);
    calibrator.update(new RegularSeries(T0, STEP, Arrays.copyOf(load, 2)), NO_PATH, 1);
    calibrator.update(new RegularSeries(T0, STEP, Arrays.copyOf(load, 2)), NO_PATH, 1);

    assertThat(calibrator.matured()).isEqualTo(1);
    assertThat(history.size()).isEqualTo(50);
  }

  @Test
  void startsCalibratedFromTheHistoryItIsFirstGiven() {
    float[] load = noisy(new Random(11), 500, i -> 100);
    PeakCalibrator calibrator = new PeakCalibrator();

    PeakBand band = calibrator.update(new RegularSeries(T0, STEP, load), NO_PATH, 4);

    assertThat(calibrator.matured()).isEqualTo(500 - 4);
    assertThat(band.calibrated()).isTrue();
    assertThat(band.at(0.99)).isGreaterThan(band.at(0.5)).isGreaterThan(band.last() - 1e-9);
  }

  @ParameterizedTest(name = "leadSteps {0}")
  @ValueSource(ints = {0, -1})
  void rejectsALeadWindowShorterThanOneStep(int leadSteps) {
    RegularSeries history = new RegularSeries(T0, STEP, new float[] {1, 2});

    assertThatThrownBy(() -> new PeakCalibrator().update(history, NO_PATH, leadSteps))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("leadSteps")
        .hasMessageContaining(String.valueOf(leadSteps));
  }

  @Test
  void anEmptySeriesGivesNoBand() {
    RegularSeries empty = new RegularSeries(T0, STEP, new float[0]);

    PeakBand band = new PeakCalibrator().update(empty, new double[] {5}, 3);

    assertThat(band.bands()).isEmpty();
    assertThat(band.levels()).isEmpty();
    assertThat(band.calibrated()).isFalse();
    assertThat(band.last()).isNaN();
    assertThat(band.coverageAt(0.9)).isNaN();
  }

  @Test
  void aSmoothRampIsMetByCarryingItsNewestStepOn() {
    // straight segments of 20 ticks between random levels: a coarse trace read at a finer step
    int leadSteps = 9;
    float[] load = segments(new Random(17), 8_000, 20);
    PeakCalibrator calibrator = new PeakCalibrator();

    PeakBand[] bands = run(calibrator, load, leadSteps);

    assertThat(calibrator.risingWins()).isTrue();
    for (double level : CHECKED) {
      assertThat(coverage(bands, load, leadSteps, level, 4_000, load.length))
          .as("coverage at %s", level)
          .isCloseTo(level, within(0.03));
    }
    // the newest load plus a constant needs, for 90 % of the windows, the 90th percentile of the
    // rise to their peak (in-sample, which flatters it); carried on, the band needs less
    int from = 4_000;
    int to = load.length - leadSteps;
    double[] rises = new double[to - from];
    double margin = 0;
    for (int t = from; t < to; t++) {
      double peak = Double.NEGATIVE_INFINITY;
      for (int j = 1; j <= leadSteps; j++) {
        peak = Math.max(peak, load[t + j]);
      }
      rises[t - from] = peak - load[t];
      margin += bands[t].at(0.9) - load[t];
    }
    Arrays.sort(rises);
    double constant = rises[(int) Math.ceil(0.9 * rises.length) - 1];
    assertThat(margin / rises.length).isLessThan(0.75 * constant);
  }

  @Test
  void aNoisySeriesKeepsThePathItsNewestStepIsNoise() {
    float[] load = noisy(new Random(19), 6_000, i -> 10);
    PeakCalibrator calibrator = new PeakCalibrator();

    PeakBand[] bands = run(calibrator, load, 4);

    assertThat(calibrator.risingWins()).isFalse();
    assertThat(bands[load.length - 1].predicted()).isEqualTo(load[load.length - 1]);
  }

  @Test
  void carriesOnARampAtItsNewestStepWhenBothNewestStepsRose() {
    assertThat(PeakCalibrator.extrapolated(new float[] {8, 10, 13}, 2, 3)).isEqualTo(22.0);
    assertThat(PeakCalibrator.extrapolated(new float[] {8, 11, 13, 99}, 2, 3)).isEqualTo(19.0);
    // a fall, a flat step or a gap among the two is no ramp
    assertThat(PeakCalibrator.extrapolated(new float[] {12, 10, 13}, 2, 3)).isEqualTo(13.0);
    assertThat(PeakCalibrator.extrapolated(new float[] {10, 10, 13}, 2, 3)).isEqualTo(13.0);
    assertThat(PeakCalibrator.extrapolated(new float[] {Float.NaN, 10, 13}, 2, 3)).isEqualTo(13.0);
    assertThat(PeakCalibrator.extrapolated(new float[] {7, 9}, 1, 3)).isEqualTo(9.0);
  }

  @Test
  void theLoadComingBackAfterAnOutageIsNotCarriedOn() {
    // a smooth ramp series, so that the carried-on predictor is the one in use, then an outage
    int leadSteps = 9;
    float[] ramps = segments(new Random(29), 6_000, 20);
    PeakCalibrator calibrator = new PeakCalibrator();
    run(calibrator, ramps, leadSteps);
    assertThat(calibrator.risingWins()).isTrue();
    int outage = 2 * PeakCalibrator.IDLE_POINTS;
    float[] load = Arrays.copyOf(ramps, ramps.length + outage + 1);
    load[load.length - 1] = 100;

    PeakBand[] bands = run(calibrator, load, leadSteps);

    PeakBand back = bands[load.length - 1];
    assertThat(back.predicted()).isEqualTo(100.0);
    assertThat(back.at(0.5)).isLessThan(2 * 100.0);
  }

  @Test
  void aSeriesStraightBetweenItsSamplesIsCoveredAtEachLevelCountingRoundingAsAHit() {
    // a five-minute trace replayed at 15 s: straight between its samples, so the carried-on rise
    // is exact on most ticks and lands a float rounding either side of the load; counted as a
    // miss, that put the middle levels 5 to 15 points below nominal on such series
    int leadSteps = 9;
    float[] load = segments(new Random(43), 12_000, 20, 0);

    PeakBand[] bands = run(new PeakCalibrator(), load, leadSteps);

    for (double level : new double[] {0.5, 0.7, 0.8, 0.9, 0.95}) {
      assertThat(coverage(bands, load, leadSteps, level, 3_000, load.length))
          .as("coverage at %s", level)
          .isCloseTo(level, within(0.03));
    }
  }

  @Test
  void aBandHoldsAPeakAboveItByNoMoreThanFloatRounding() {
    assertThat(PeakBand.holds(100, 100)).isTrue();
    assertThat(PeakBand.holds(100, 100 - 5e-5)).isTrue();
    assertThat(PeakBand.holds(100, 100 - 5e-3)).isFalse();
    assertThat(PeakBand.holds(0, 0)).isTrue();
    assertThat(PeakBand.holds(1e-9, 0)).isFalse();
    assertThat(PeakBand.holds(99, 100)).isTrue();
  }

  @Test
  void aRiseAtTheSameTimeEveryDayIsExpectedALeadWindowBeforeItComes() {
    // 5-minute steps, a noisy level with a burst to 1.6 times it at 18:00 for 15 minutes every day
    int leadSteps = 2;
    float[] load = withDailyBurst(new Random(31), 5, 18 * 12, 3);
    PeakCalibrator calibrator = new PeakCalibrator();

    PeakBand[] bands = run(calibrator, load, leadSteps, FIVE_MINUTES, PER_DAY + leadSteps + 8);
    PeakBand[] withoutYesterday =
        run(new PeakCalibrator(), load, leadSteps, FIVE_MINUTES, leadSteps + 8);

    // from the third day: the burst was a surprise on the two days before
    for (int day = 2; day < 5; day++) {
      int before = day * PER_DAY + 18 * 12 - leadSteps;
      double peak = Math.max(load[before + 1], load[before + 2]);
      // the noise of today's newest load and of yesterday's rise both go into the prediction
      assertThat(bands[before].at(0.9))
          .as("band on day %d, a lead window before the burst", day)
          .isGreaterThan(0.9 * peak);
      assertThat(withoutYesterday[before].at(0.9)).isLessThan(0.75 * peak);
    }
    assertThat(coverage(bands, load, leadSteps, 0.9, 2 * PER_DAY, load.length))
        .isCloseTo(0.9, within(0.05));
  }

  @Test
  void aSpikeOnOneDayIsNotExpectedAgainButOneOnTwoDaysRunningIs() {
    // 15 s steps, as the service ticks: 12 h of scores, so each day's spike is a surprise again
    int perDay = 5_760;
    int leadSteps = 9;
    int noon = perDay / 2;
    int before = noon - leadSteps;
    float[] once = noisy(new Random(41), 4 * perDay, i -> 2);
    for (int i = 0; i < 8; i++) {
      once[perDay + noon + i] = 160;
    }
    float[] twice = once.clone();
    for (int i = 0; i < 8; i++) {
      twice[2 * perDay + noon + i] = 160;
    }

    PeakCalibrator afterOnce = new PeakCalibrator();
    PeakBand[] onceBands =
        run(afterOnce, Arrays.copyOf(once, 2 * perDay + before + 1), leadSteps, STEP, perDay + 20);
    PeakCalibrator afterTwice = new PeakCalibrator();
    PeakBand[] twiceBands =
        run(
            afterTwice,
            Arrays.copyOf(twice, 3 * perDay + before + 1),
            leadSteps,
            STEP,
            perDay + 20);

    assertThat(onceBands[2 * perDay + before].predicted())
        .as("the day after one spike")
        .isLessThan(120);
    assertThat(afterOnce.raisedByYesterday()).isZero();
    assertThat(twiceBands[3 * perDay + before].predicted())
        .as("the day after two days running")
        .isGreaterThan(150);
    assertThat(afterTwice.raisedByYesterday()).isCloseTo(60, within(8.0));
  }

  @Test
  void noiseIsRarelyTakenForARiseThatRecurs() {
    int leadSteps = 2;
    float[] load = noisy(new Random(37), 5 * PER_DAY, i -> 10);

    PeakBand[] withDay = run(new PeakCalibrator(), load, leadSteps, FIVE_MINUTES, PER_DAY + 10);
    PeakBand[] withoutDay = run(new PeakCalibrator(), load, leadSteps, FIVE_MINUTES, 10);

    int raised = 0;
    for (int t = 2 * PER_DAY; t < load.length; t++) {
      if (withDay[t].predicted() > withoutDay[t].predicted()) {
        raised++;
      }
    }
    // only where the scores missed their top level at the same time on both days before
    assertThat(raised).isLessThanOrEqualTo((load.length - 2 * PER_DAY) / 100);
  }

  @Test
  void yesterdaysRiseIsThePeakOverTheLeadWindowADayAgoLessTheLoadThen() {
    long step = 6 * 3_600;
    // four points a day: a day before index 5 is index 1
    float[] values = {9, 10, 17, 12, 30, 11};

    assertThat(PeakCalibrator.yesterdaysRise(values, 5, 2, step)).isEqualTo(7.0);
    assertThat(PeakCalibrator.yesterdaysRise(values, 5, 1, step)).isEqualTo(7.0);
    assertThat(PeakCalibrator.yesterdaysRise(values, 4, 1, step)).isEqualTo(1.0);
    assertThat(PeakCalibrator.yesterdaysRise(new float[] {5, 3, 0, 0, 0}, 4, 1, step))
        .as("a fall")
        .isEqualTo(0.0);
    // no day of history, a gap a day ago, or a step that does not divide a day
    assertThat(PeakCalibrator.yesterdaysRise(values, 3, 2, step)).isEqualTo(0.0);
    values[1] = Float.NaN;
    assertThat(PeakCalibrator.yesterdaysRise(values, 5, 2, step)).isEqualTo(0.0);
    assertThat(PeakCalibrator.yesterdaysRise(new float[] {1, 5, 1, 1}, 3, 2, 7 * 3_600))
        .isEqualTo(0.0);
  }

  @Test
  void aBandNeverAsksForMoreThanTheNewestLoadPlusTheLargestRiseRemembered() {
    // a quiet load with the same spike every two hours, a straight ramp up to eleven times the load
    // and down again: the spikes' scores are in units of the quiet load's tiny volatility, and the
    // ramp's own volatility multiplied them to several times the spike at the top level. With the
    // same rise in every spike's hours, the ceiling is the largest rise itself
    int every = 480;
    int ramp = 20;
    int leadSteps = 9;
    Random random = new Random(21);
    float[] load = new float[8 * every];
    for (int i = 0; i < load.length; i++) {
      int phase = i % every;
      double spike = phase < ramp ? phase : phase < 2 * ramp ? 2 * ramp - phase : 0;
      double noise = phase < 2 * ramp ? 0 : 0.002 * random.nextGaussian();
      load[i] = (float) (1 + 0.5 * spike + noise);
    }
    PeakCalibrator calibrator = new PeakCalibrator();
    double largestRise = Double.NEGATIVE_INFINITY;
    boolean capped = false;
    for (int t = 0; t < load.length; t++) {
      int from = Math.max(0, t - leadSteps - 8 + 1);
      RegularSeries history =
          new RegularSeries(
              T0.plus(STEP.multipliedBy(from)), STEP, Arrays.copyOfRange(load, from, t + 1));
      PeakBand band = calibrator.update(history, NO_PATH, leadSteps);
      if (t < 2 * every) {
        largestRise = Math.max(largestRise, riseAt(load, t - leadSteps, leadSteps));
        continue;
      }
      double top = band.at(0.999);
      double ceiling = Math.max(band.predicted(), load[t] + largestRise);
      assertThat(top).as("top band at tick %d", t).isLessThanOrEqualTo(ceiling + 1e-6);
      boolean bound = !Double.isNaN(calibrator.cappedAt(0.999));
      capped |= bound;
      if (bound && t + leadSteps < load.length) {
        double peak = load[t] + riseAt(load, t, leadSteps);
        assertThat(PeakBand.holds(peak, top))
            .as("where the ceiling bound, it still held a spike like the ones before, tick %d", t)
            .isTrue();
      }
      largestRise = Math.max(largestRise, riseAt(load, t - leadSteps, leadSteps));
    }
    assertThat(capped).as("the ceiling bound the top band on some ramp").isTrue();
  }

  /** Days of 5-minute points around 100 with {@code length} points at 160 from {@code at}. */
  private static float[] withDailyBurst(Random random, int days, int at, int length) {
    float[] load = new float[days * PER_DAY];
    for (int i = 0; i < load.length; i++) {
      int ofDay = i % PER_DAY;
      double level = ofDay >= at && ofDay < at + length ? 160 : 100;
      load[i] = (float) (level + 2 * random.nextGaussian());
    }
    return load;
  }

  private static float[] segments(Random random, int n, int length) {
    return segments(random, n, length, 0.2);
  }

  /** Straight segments of {@code length} points between random levels, plus noise of {@code sd}. */
  private static float[] segments(Random random, int n, int length, double sd) {
    float[] load = new float[n];
    double from = 100;
    double to = 100;
    for (int i = 0; i < n; i++) {
      if (i % length == 0) {
        from = to;
        to = 50 + 100 * random.nextDouble();
      }
      double share = (i % length) / (double) length;
      load[i] = (float) (from + (to - from) * share + sd * random.nextGaussian());
    }
    return load;
  }

  /** The peak of the {@code leadSteps} loads after {@code origin} less the load there. */
  private static double riseAt(float[] load, int origin, int leadSteps) {
    if (origin < 0) {
      return Double.NEGATIVE_INFINITY;
    }
    double peak = Double.NEGATIVE_INFINITY;
    for (int j = 1; j <= leadSteps; j++) {
      peak = Math.max(peak, load[origin + j]);
    }
    return peak - load[origin];
  }

  /** Feeds {@code load} tick by tick as a sliding window; returns the band of every tick. */
  private static PeakBand[] run(PeakCalibrator calibrator, float[] load, int leadSteps) {
    return run(calibrator, load, leadSteps, STEP, leadSteps + 8);
  }

  private static PeakBand[] run(
      PeakCalibrator calibrator, float[] load, int leadSteps, Duration step, int window) {
    PeakBand[] out = new PeakBand[load.length];
    for (int t = 0; t < load.length; t++) {
      int from = Math.max(0, t - window + 1);
      RegularSeries history =
          new RegularSeries(
              T0.plus(step.multipliedBy(from)), step, Arrays.copyOfRange(load, from, t + 1));
      out[t] = calibrator.update(history, NO_PATH, leadSteps);
    }
    return out;
  }

  /**
   * Share of ticks in [from, to) whose band at {@code level} held the next leadSteps' peak, as
   * {@link PeakBand#holds} counts it.
   */
  private static double coverage(
      PeakBand[] bands, float[] load, int leadSteps, double level, int from, int to) {
    int held = 0;
    int counted = 0;
    for (int t = from; t < to - leadSteps; t++) {
      double peak = Double.NEGATIVE_INFINITY;
      for (int j = 1; j <= leadSteps; j++) {
        peak = Math.max(peak, load[t + j]);
      }
      counted++;
      if (PeakBand.holds(peak, bands[t].at(level))) {
        held++;
      }
    }
    return (double) held / counted;
  }

  private interface Sigma {
    double at(int i);
  }

  private static float[] noisy(Random random, int n, Sigma sigma) {
    float[] load = new float[n];
    for (int i = 0; i < n; i++) {
      load[i] = (float) (100 + sigma.at(i) * random.nextGaussian());
    }
    return load;
  }
}
