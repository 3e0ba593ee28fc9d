package io.predictivescaler.forecast.feature;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.forecast.RegularSeries;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CoarseViewTest {
  private final Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
  private final RegularSeries s =
      new RegularSeries(
          t0, Duration.ofSeconds(15), new float[] {9, 1, 2, 3, 4, Float.NaN, 6, 7, 8});

  @Test
  void bucketsEndAtTheNewestPointAndSkipGaps() {
    CoarseView v = CoarseView.of(s, 4);

    assertThat(v.length()).isEqualTo(2);
    assertThat(v.ago(0)).isEqualTo((6 + 7 + 8) / 3.0);
    assertThat(v.ago(1)).isEqualTo((1 + 2 + 3 + 4) / 4.0);
    assertThat(v.ago(2)).isNaN();
    assertThat(v.stepSeconds()).isEqualTo(60);
    assertThat(v.endEpochSecond()).isEqualTo(t0.getEpochSecond() + 8 * 15);
  }

  @Test
  void materializeFillsGapsLinearly() {
    RegularSeries gappy =
        new RegularSeries(
            t0, Duration.ofMinutes(1), new float[] {Float.NaN, 2, Float.NaN, 6, Float.NaN});

    double[] v = CoarseView.materialize(gappy, 1).toArray();

    assertThat(v).containsExactly(2, 2, 4, 6, 6);
  }

  @Test
  void shiftMovesTheOriginBack() {
    CoarseView v = CoarseView.of(s, 1).shift(4);

    assertThat(v.ago(0)).isEqualTo(4);
    assertThat(v.endEpochSecond()).isEqualTo(t0.getEpochSecond() + 4 * 15);
  }

  @Test
  void anchorsInterpolateBetweenTrainedSteps() {
    Anchors anchors = Anchors.forHorizon(12);
    double[] out = new double[12];
    double[] atAnchors = new double[anchors.count()];
    for (int i = 0; i < atAnchors.length; i++) {
      atAnchors[i] = anchors.step(i) * 10;
    }

    anchors.expand(0, atAnchors, out);

    assertThat(anchors.horizon()).isEqualTo(12);
    for (int j = 1; j <= 12; j++) {
      assertThat(out[j - 1]).isEqualTo(j * 10.0);
    }
  }
}
