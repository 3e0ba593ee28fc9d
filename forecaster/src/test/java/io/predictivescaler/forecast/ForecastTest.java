package io.predictivescaler.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ForecastTest {
  private final Instant origin = Instant.parse("2024-01-01T00:00:00Z");
  private final Forecast f =
      new Forecast(
          origin,
          Duration.ofSeconds(15),
          new double[] {10, 20, 30, 40},
          new double[] {11, 25, 33, 41},
          0.9,
          "linear",
          origin,
          TrustVerdict.trusted("test"),
          Accuracy.NONE);

  @Test
  void peakUpperCoversStepsInsideTheInterval() {
    assertThat(f.peakUpper(origin.plusSeconds(15), origin.plusSeconds(30))).isEqualTo(25);
    assertThat(f.peakUpper(origin.plusSeconds(20), origin.plusSeconds(60))).isEqualTo(41);
    assertThat(f.peakUpper(origin.plusSeconds(61), origin.plusSeconds(90))).isNaN();
  }

  @Test
  void pointAtInterpolatesBetweenSteps() {
    assertThat(f.pointAt(origin.plusSeconds(30))).isEqualTo(20);
    assertThat(f.pointAt(origin.plusSeconds(37))).isCloseTo(24.67, within(0.01));
    assertThat(f.pointAt(origin.plusSeconds(75))).isNaN();
    assertThat(f.horizon()).isEqualTo(Duration.ofMinutes(1));
  }
}
