package io.predictivescaler.forecast.peak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.predictivescaler.forecast.RegularSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The recent coverage each {@link PeakBand} reports per level: what the tick loop judges a
 * collapsed calibration by, and what {@code predictive_scaler_forecast_band_coverage} shows.
 */
class PeakCalibratorCoverageTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final Duration STEP = Duration.ofSeconds(15);
  private static final double[] NO_PATH = new double[0];
  private static final int LEAD = 1;
  private static final int WINDOW = 16;

  @Test
  void recentCoverageStaysNearEachLevelOnAStationarySeries() {
    Random random = new Random(23);
    Feed feed = new Feed();

    PeakBand band = null;
    for (int t = 0; t < 6_000; t++) {
      band = feed.next((float) (100 + 5 * random.nextGaussian()));
    }

    for (double level : new double[] {0.5, 0.8, 0.9, 0.95, 0.99}) {
      assertThat(band.coverageAt(level))
          .as("recent coverage at %s", level)
          .isCloseTo(level, within(0.05));
    }
  }

  @Test
  void recentCoverageIsTheShareOfRecentWindowsTheBandHeld() {
    Random random = new Random(29);
    Feed feed = new Feed();
    int ticks = 6_000;
    float[] load = new float[ticks];
    PeakBand[] bands = new PeakBand[ticks];

    for (int t = 0; t < ticks; t++) {
      load[t] = (float) (100 + 5 * random.nextGaussian() + (random.nextInt(40) == 0 ? 30 : 0));
      bands[t] = feed.next(load[t]);
    }

    // the reported figure is a moving average over about the last 720 outcomes: it agrees with
    // the share counted by hand over that span
    for (double level : new double[] {0.5, 0.9, 0.95}) {
      int held = 0;
      int counted = 0;
      for (int t = ticks - 1 - LEAD - 720; t < ticks - 1 - LEAD; t++) {
        counted++;
        if (load[t + LEAD] <= bands[t].at(level)) {
          held++;
        }
      }
      assertThat(bands[ticks - 1].coverageAt(level))
          .as("recent coverage at %s", level)
          .isCloseTo((double) held / counted, within(0.04));
    }
  }

  @Test
  void aMissLowersTheRecentCoverageOfTheLevelsItEscapedAndAHitRaisesTheOthers() {
    Random random = new Random(31);
    Feed feed = new Feed();
    PeakBand before = null;
    for (int t = 0; t < 2_000; t++) {
      before = feed.next((float) (100 + 5 * random.nextGaussian()));
    }
    int low = Arrays.binarySearch(before.levels(), 0.8);
    int high = Arrays.binarySearch(before.levels(), 0.99);
    assertThat(before.bands()[high]).isGreaterThan(before.bands()[low] + 1);

    // the next load lands between the 0.8 and the 0.99 bands
    PeakBand after = feed.next((float) ((before.bands()[low] + before.bands()[high]) / 2));

    for (int l = 0; l < before.levels().length; l++) {
      double level = before.levels()[l];
      if (l <= low) {
        assertThat(after.coverage()[l])
            .as("level %s missed", level)
            .isLessThan(before.coverage()[l]);
      } else if (l >= high) {
        assertThat(after.coverage()[l])
            .as("level %s held", level)
            .isGreaterThan(before.coverage()[l]);
      }
    }
  }

  @Test
  void aRestartWithHistoryDoesNotStartWithACollapsedCoverage() {
    Random random = new Random(37);
    float[] history = new float[2_000];
    for (int i = 0; i < history.length; i++) {
      history[i] = (float) (100 + 5 * random.nextGaussian());
    }

    PeakBand band = new PeakCalibrator().update(new RegularSeries(T0, STEP, history), NO_PATH, 4);

    assertThat(band.calibrated()).isTrue();
    for (int l = 0; l < band.levels().length; l++) {
      assertThat(band.coverage()[l])
          .as("level %s", band.levels()[l])
          .isBetween(band.levels()[l] - 0.05, 1.0);
    }
  }

  /** Feeds a calibrator one load per tick, as the tick loop's sliding window does. */
  private static final class Feed {
    private final PeakCalibrator calibrator = new PeakCalibrator();
    private float[] load = new float[1024];
    private int size;

    PeakBand next(float value) {
      if (size == load.length) {
        load = Arrays.copyOf(load, 2 * size);
      }
      load[size++] = value;
      int from = Math.max(0, size - WINDOW);
      RegularSeries history =
          new RegularSeries(
              T0.plus(STEP.multipliedBy(from)), STEP, Arrays.copyOfRange(load, from, size));
      return calibrator.update(history, NO_PATH, LEAD);
    }
  }
}
