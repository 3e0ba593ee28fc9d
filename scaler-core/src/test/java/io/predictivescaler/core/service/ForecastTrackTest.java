package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.predictivescaler.forecast.Accuracy;
import io.predictivescaler.forecast.Forecast;
import io.predictivescaler.forecast.TrustVerdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ForecastTrackTest {

  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
  private static final Duration STEP = Duration.ofSeconds(15);
  private static final Duration HORIZON = Duration.ofMinutes(1);

  @Test
  void comparesWhatWasForecastOneHorizonAgoWithWhatHappened() {
    ForecastTrack track = new ForecastTrack();

    ForecastPoint first = null;
    ForecastPoint matured = null;
    for (int i = 0; i <= 4; i++) {
      Instant now = T0.plus(STEP.multipliedBy(i));
      ForecastPoint point = track.add(now, 100 + i, forecast(now, 200 + i), HORIZON);
      first = first == null ? point : first;
      matured = point;
    }

    assertThat(first.forecast()).isNull();
    assertThat(first.actual()).isEqualTo(100.0);
    assertThat(matured.time()).isEqualTo(T0.plus(HORIZON));
    assertThat(matured.forecast()).isCloseTo(200.0, within(1e-9));
    assertThat(matured.upper()).isCloseTo(210.0, within(1e-9));
    assertThat(ForecastTrack.error(matured)).isCloseTo(96.0, within(1e-9));
    assertThat(track.points()).hasSize(5);
  }

  @Test
  void keepsOnlyTheLastHour() {
    ForecastTrack track = new ForecastTrack();

    for (int i = 0; i <= 300; i++) {
      track.add(T0.plus(STEP.multipliedBy(i)), Double.NaN, null, HORIZON);
    }

    assertThat(track.points()).hasSize(241);
    assertThat(track.points().get(0).actual()).isNull();
  }

  /** A flat forecast of {@code level} (upper band 10 above) for five steps from {@code origin}. */
  private static Forecast forecast(Instant origin, double level) {
    double[] point = new double[5];
    double[] upper = new double[5];
    Arrays.fill(point, level);
    Arrays.fill(upper, level + 10);
    return new Forecast(
        origin,
        STEP,
        point,
        upper,
        0.9,
        "test",
        origin,
        TrustVerdict.trusted("test"),
        Accuracy.NONE);
  }
}
