package io.predictivescaler.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RegularSeriesTest {
  private final Instant t0 = Instant.parse("2024-01-01T00:00:00Z");

  @Test
  void locatesPointsOnTheGrid() {
    RegularSeries s = new RegularSeries(t0, Duration.ofSeconds(15), new float[] {1, Float.NaN, 3});

    assertThat(s.end()).isEqualTo(t0.plusSeconds(30));
    assertThat(s.valueAt(t0.plusSeconds(30))).isEqualTo(3.0);
    assertThat(s.valueAt(t0.plusSeconds(15))).isNaN();
    assertThat(s.indexOf(t0.plusSeconds(20))).isEqualTo(-1);
    assertThat(s.indexOf(t0.plusSeconds(45))).isEqualTo(-1);
    assertThat(s.span()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void spanStartsAtTheFirstValue() {
    RegularSeries s = new RegularSeries(t0, Duration.ofMinutes(1), new float[] {Float.NaN, 2, 3});

    assertThat(s.span()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void rejectsSubSecondSteps() {
    assertThatThrownBy(() -> new RegularSeries(t0, Duration.ofMillis(500), new float[0]))
        .hasMessageContaining("step")
        .hasMessageContaining("PT0.5S");
  }
}
