package io.predictivescaler.forecast.peak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PeakBandTest {

  private static final PeakBand BAND =
      new PeakBand(
          50,
          60,
          new double[] {0.5, 0.9, 0.99},
          new double[] {100, 140, 200},
          new double[] {0.52, 0.88, 0.99},
          1000);

  @Test
  void aTrackedLevelGivesItsOwnBandAndCoverage() {
    assertThat(BAND.at(0.9)).isEqualTo(140);
    assertThat(BAND.coverageAt(0.99)).isEqualTo(0.99);
  }

  @Test
  void aLevelBetweenTwoTrackedOnesIsLinearBetweenTheirBands() {
    assertThat(BAND.at(0.7)).isCloseTo(120, within(1e-9));
    assertThat(BAND.at(0.945)).isCloseTo(170, within(1e-9));
    assertThat(BAND.coverageAt(0.7)).isCloseTo(0.70, within(1e-9));
  }

  @Test
  void levelsOutsideTheTrackedOnesTakeTheNearestEnd() {
    assertThat(BAND.at(0.3)).isEqualTo(100);
    assertThat(BAND.at(0.999)).isEqualTo(200);
  }

  @Test
  void withoutBandsThePredictionStandsIn() {
    PeakBand none = PeakBand.none(50, 0);

    assertThat(none.at(0.9)).isEqualTo(50);
    assertThat(none.coverageAt(0.9)).isNaN();
  }
}
